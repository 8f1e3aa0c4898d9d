package io.redline.chat.session;

/** What sessions report; registered as metrics at the edge. */
public interface ChatEvents {

    ChatEvents NONE = new ChatEvents() {
    };

    default void connected() {
    }

    default void disconnected() {
    }

    /** A message was accepted from a client (WebSocket or HTTP). */
    default void messageIn() {
    }

    /** A frame was handed to a client's socket. */
    default void frameOut() {
    }

    /** A client could not keep up and was closed. */
    default void slowClientDropped() {
    }

    default void historyRead() {
    }
}
