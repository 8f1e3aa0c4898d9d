package io.redline.chat.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.redline.core.json.Json;

/**
 * A chat message, exactly as it travels on {@code chat:room:{R}} and lives in {@code chat:history:{R}}.
 *
 * @param id unique, and sortable by time
 * @param roomId the room
 * @param userId the sender's id
 * @param userName the sender's display name
 * @param content the text (shown as text, never as HTML)
 * @param timestamp Unix milliseconds
 * @param traceparent optional: the W3C {@code traceparent} of the accepting node's send span, the parent of every
 *                    node's fan-out span; {@code null} (and absent from the JSON) when there was no span to name
 */
public record ChatMessage(String id, String roomId, String userId, String userName, String content,
                          long timestamp, @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent) {

    /** A message without trace context. */
    public ChatMessage(String id, String roomId, String userId, String userName, String content, long timestamp) {
        this(id, roomId, userId, userName, content, timestamp, null);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** @throws IllegalArgumentException if the text is not a message */
    public static ChatMessage parse(String json) {
        return Json.read(json, ChatMessage.class);
    }
}
