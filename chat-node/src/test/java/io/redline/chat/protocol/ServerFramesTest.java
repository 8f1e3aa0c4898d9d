package io.redline.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.chat.presence.Member;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each frame is built from the parts of its fixture and must come out as the fixture's exact text: the same
 * fields, in the same order, with messages embedded as the JSON Redis carried.
 */
class ServerFramesTest {

    private static final JsonNode FRAMES = Fixtures.read("server-frames.json");

    @Test
    void aMessageFrameEmbedsTheMessageAsItTravelledOnRedis() {
        JsonNode frame = FRAMES.get("message");
        assertEquals(frame.toString(), ServerFrames.message(frame.get("message").toString()));
    }

    @Test
    void aHistoryFrameCarriesTheMessagesOldestFirstAndTheMembers() {
        for (String name : List.of("history", "emptyHistory")) {
            JsonNode frame = FRAMES.get(name);
            List<String> messages = new ArrayList<>();
            frame.get("messages").forEach(message -> messages.add(message.toString()));
            assertEquals(frame.toString(), ServerFrames.history(frame.get("room").asText(), messages,
                    members(frame.get("members"))), name);
        }
    }

    @Test
    void aPresenceFrameListsWhoIsInTheRoom() {
        JsonNode frame = FRAMES.get("presence");
        assertEquals(frame.toString(), ServerFrames.presence(frame.get("room").asText(),
                members(frame.get("members"))));
    }

    @Test
    void anErrorFrameCarriesTheCodeOnTheWireAndTheMessage() {
        JsonNode frame = FRAMES.get("error");
        assertEquals(frame.toString(), ServerFrames.error(ErrorCode.RATE_LIMITED, frame.get("message").asText()));
    }

    @Test
    void aRoomOrTextThatNeedsEscapingIsEscaped() {
        assertEquals("{\"type\":\"error\",\"code\":\"invalid_frame\",\"message\":\"a \\\"quote\\\"\\n\"}",
                ServerFrames.error(ErrorCode.INVALID_FRAME, "a \"quote\"\n"));
        assertEquals("{\"type\":\"history\",\"room\":\"a\\\"b\",\"messages\":[],\"members\":[]}",
                ServerFrames.history("a\"b", List.of(), List.of()));
    }

    private static List<Member> members(JsonNode members) {
        List<Member> list = new ArrayList<>();
        members.forEach(member -> list.add(new Member(member.get("userId").asText(),
                member.get("userName").asText())));
        return list;
    }
}
