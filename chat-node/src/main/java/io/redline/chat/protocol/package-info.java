/** The WebSocket protocol of SPEC section 3: client frames, their validation with error codes, server frames. */
package io.redline.chat.protocol;
