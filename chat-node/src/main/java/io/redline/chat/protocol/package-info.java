/** The WebSocket protocol of the contract (docs/contract.md): client frames, their validation with error codes, server frames. */
package io.redline.chat.protocol;
