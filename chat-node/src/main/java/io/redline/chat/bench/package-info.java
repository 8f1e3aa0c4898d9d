/**
 * {@code redline-chat-node.jar bench}: WebSocket clients spread over two in-process nodes, a steady send rate,
 * delivered messages per second and end-to-end latency, beside Redis's raw PUBLISH rate measured in the same run.
 */
package io.redline.chat.bench;
