package io.redline.chat.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.io.IOException;

/**
 * A frame from a client: {@code {"type":"join","room":R[,"since":ID]}}, {@code {"type":"send","room":R,
 * "content":TEXT}} or {@code {"type":"leave","room":R}}, parsed and validated.
 *
 * <p>Sealed, and handled only through {@link #dispatchTo}: a new kind of frame must add a method to
 * {@link Handler}, so that every handler fails to compile until it says what that frame does (a {@code switch}
 * with a {@code default} would quietly treat it as one of the others).
 */
public sealed interface ClientFrame permits ClientFrame.Join, ClientFrame.Send, ClientFrame.Leave {

    /** The room the frame is about, validated. */
    String room();

    /** Calls the handler's method for this kind of frame. */
    void dispatchTo(Handler handler);

    /** What to do with each kind of frame. */
    interface Handler {

        void join(Join frame);

        void send(Send frame);

        void leave(Leave frame);
    }

    /**
     * Join a room.
     *
     * @param since the last message id the client saw, or null
     */
    record Join(String room, String since) implements ClientFrame {

        @Override
        public void dispatchTo(Handler handler) {
            handler.join(this);
        }
    }

    /**
     * Send a message to a joined room.
     *
     * @param content the text, validated
     */
    record Send(String room, String content) implements ClientFrame {

        @Override
        public void dispatchTo(Handler handler) {
            handler.send(this);
        }
    }

    /** Leave a joined room. */
    record Leave(String room) implements ClientFrame {

        @Override
        public void dispatchTo(Handler handler) {
            handler.leave(this);
        }
    }

    /**
     * @throws ProtocolException with the code of the first thing wrong
     */
    static ClientFrame parse(String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "the frame is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "a frame is a JSON object");
        }
        JsonNode type = node.get("type");
        switch (type != null && type.isTextual() ? type.asText() : "") {
            case "join":
                return join(room(node), node.get("since"));
            case "send":
                return new Send(room(node), ChatRules.content(text(node, "content")));
            case "leave":
                return new Leave(room(node));
            default:
                throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "type must be join, send or leave, but was "
                        + (type == null ? "missing" : type.toString()));
        }
    }

    private static Join join(String room, JsonNode since) {
        if (since != null && !since.isNull() && !since.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_FRAME, "since must be a message id (a string)");
        }
        return new Join(room, since == null || since.isNull() ? null : since.asText());
    }

    private static String room(JsonNode node) {
        return ChatRules.room(text(node, "room"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_FRAME, field + " must be a string");
        }
        return value.asText();
    }
}
