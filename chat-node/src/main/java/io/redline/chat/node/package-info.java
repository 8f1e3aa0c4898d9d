/**
 * One chat node's configuration ({@link io.redline.chat.node.ChatConfig}) and wiring
 * ({@link io.redline.chat.node.ChatNode}): what both the process and the in-process benchmark start.
 */
package io.redline.chat.node;
