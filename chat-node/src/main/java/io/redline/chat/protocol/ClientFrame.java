package io.redline.chat.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.chat.message.ChatRules;
import io.redline.core.json.Json;
import java.io.IOException;

/**
 * A frame from a client: {@code {"type":"join","room":R[,"since":ID]}}, {@code {"type":"send","room":R,
 * "content":TEXT}} or {@code {"type":"leave","room":R}}.
 *
 * @param type what the client asks
 * @param room the room, validated
 * @param content the text of a send, validated; null otherwise
 * @param since for a join: the last message id the client saw, or null
 */
public record ClientFrame(Type type, String room, String content, String since) {

    /** The kinds of client frame. */
    public enum Type { JOIN, SEND, LEAVE }

    /**
     * @throws ProtocolException with the code of the first thing wrong
     */
    public static ClientFrame parse(String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "the frame is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "a frame is a JSON object");
        }
        Type type = type(node.get("type"));
        String room = ChatRules.room(text(node, "room"));
        switch (type) {
            case SEND:
                return new ClientFrame(type, room, ChatRules.content(text(node, "content")), null);
            case JOIN:
                JsonNode since = node.get("since");
                if (since != null && !since.isNull() && !since.isTextual()) {
                    throw new ProtocolException(ErrorCode.INVALID_FRAME, "since must be a message id (a string)");
                }
                return new ClientFrame(type, room, null, since == null || since.isNull() ? null : since.asText());
            default:
                return new ClientFrame(type, room, null, null);
        }
    }

    private static Type type(JsonNode type) {
        if (type != null && type.isTextual()) {
            switch (type.asText()) {
                case "join":
                    return Type.JOIN;
                case "send":
                    return Type.SEND;
                case "leave":
                    return Type.LEAVE;
                default:
                    break;
            }
        }
        throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "type must be join, send or leave, but was "
                + (type == null ? "missing" : type.toString()));
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
