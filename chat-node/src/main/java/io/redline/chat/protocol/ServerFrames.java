package io.redline.chat.protocol;

import io.redline.chat.presence.Member;
import io.redline.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames to clients, as JSON text. Messages are embedded as the exact JSON that Redis carries, so that every
 * client of a node shares one frame string per message.
 */
public final class ServerFrames {

    private ServerFrames() {
    }

    /** {@code {"type":"message","message":MSG}}. */
    public static String message(String messageJson) {
        return "{\"type\":\"message\",\"message\":" + messageJson + "}";
    }

    /** {@code {"type":"history","room":R,"messages":[...],"members":[...]}}, messages oldest first. */
    public static String history(String room, List<String> messagesJson, List<Member> members) {
        return "{\"type\":\"history\",\"room\":" + Json.write(room) + ",\"messages\":["
                + String.join(",", messagesJson) + "],\"members\":" + Json.write(members) + "}";
    }

    /** {@code {"type":"presence","room":R,"members":[{"userId","userName"}...]}}: who is in the room now. */
    public static String presence(String room, List<Member> members) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "presence");
        frame.put("room", room);
        frame.put("members", members);
        return Json.write(frame);
    }

    /** {@code {"type":"error","code":CODE,"message":TEXT}}. */
    public static String error(ErrorCode code, String message) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code.wire());
        frame.put("message", message);
        return Json.write(frame);
    }
}
