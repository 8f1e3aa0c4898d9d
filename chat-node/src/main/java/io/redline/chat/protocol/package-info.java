/**
 * The WebSocket protocol of the contract (docs/contract.md): client frames, the rules for rooms, users and
 * content with their error codes, server frames.
 */
package io.redline.chat.protocol;
