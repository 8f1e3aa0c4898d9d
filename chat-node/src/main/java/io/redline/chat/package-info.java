/**
 * The chat-node process: multi-room chat on Redis pub/sub with history and presence, over WebSocket and HTTP,
 * with a web page. {@link io.redline.chat.ChatMain} wires it; the features live in the sub-packages.
 */
package io.redline.chat;
