/** The HTTP side of a chat node: the web page, the history and message endpoints, and the WebSocket upgrade. */
package io.redline.chat.http;
