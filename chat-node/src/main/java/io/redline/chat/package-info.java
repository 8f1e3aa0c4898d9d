/**
 * The chat-node process: multi-room chat on Redis pub/sub with history and presence, over WebSocket and HTTP,
 * with a web page. {@link io.redline.chat.ChatMain} is the jar's entry point; {@code node} wires a node, and the
 * features live in the other sub-packages.
 */
package io.redline.chat;
