package io.redline.chat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientFrameTest {

    @Test
    void theWireFormatsOfTheFixturesAreReadIntoFrames() {
        for (JsonNode fixture : Fixtures.read("client-frames.json")) {
            String text = fixture.get("frame").toString();
            assertEquals(expected(fixture.get("expected")), ClientFrame.parse(text), text);
        }
    }

    @Test
    void eachRefusedFixtureCarriesItsCodeAndMessage() {
        for (JsonNode fixture : Fixtures.read("refused-client-frames.json")) {
            String text = fixture.get("text").asText();
            ProtocolException refused = assertThrows(ProtocolException.class, () -> ClientFrame.parse(text), text);
            assertEquals(fixture.get("code").asText() + ": " + fixture.get("message").asText(),
                    refused.code().wire() + ": " + refused.getMessage(), text);
        }
    }

    @Test
    void contentIsCountedInCharactersNotUtf16Units() {
        String longest = "\ud83d\ude00".repeat(ChatRules.MAX_CONTENT);
        assertEquals(new ClientFrame.Send("lobby", longest), ClientFrame.parse(send(longest)));
        ProtocolException refused = assertThrows(ProtocolException.class,
                () -> ClientFrame.parse(send(longest + "x")));
        assertEquals(ErrorCode.CONTENT_TOO_LONG, refused.code());
        assertEquals("content must be at most 2000 characters, but was 2001", refused.getMessage());
    }

    /** Was: a switch on a type enum whose {@code default} left the room, so a new frame type would have too. */
    @Test
    void aFrameReachesOnlyTheHandlerMethodOfItsOwnTypeInsteadOfDefaultingToLeave() {
        List<String> handled = new ArrayList<>();
        ClientFrame.Handler handler = new ClientFrame.Handler() {
            @Override
            public void join(ClientFrame.Join frame) {
                handled.add("join " + frame.room() + " since " + frame.since());
            }

            @Override
            public void send(ClientFrame.Send frame) {
                handled.add("send " + frame.room() + ": " + frame.content());
            }

            @Override
            public void leave(ClientFrame.Leave frame) {
                handled.add("leave " + frame.room());
            }
        };
        ClientFrame.parse("{\"type\":\"join\",\"room\":\"a\",\"since\":\"1-x-1\"}").dispatchTo(handler);
        ClientFrame.parse(send("hi")).dispatchTo(handler);
        ClientFrame.parse("{\"type\":\"leave\",\"room\":\"a\"}").dispatchTo(handler);
        assertEquals(List.of("join a since 1-x-1", "send lobby: hi", "leave a"), handled);
    }

    private static String send(String content) {
        return "{\"type\":\"send\",\"room\":\"lobby\",\"content\":\"" + content + "\"}";
    }

    private static ClientFrame expected(JsonNode expected) {
        String room = expected.get("room").asText();
        switch (expected.get("kind").asText()) {
            case "join":
                return new ClientFrame.Join(room, expected.get("since").isNull() ? null
                        : expected.get("since").asText());
            case "send":
                return new ClientFrame.Send(room, expected.get("content").asText());
            case "leave":
                return new ClientFrame.Leave(room);
            default:
                throw new IllegalArgumentException("a fixture's kind is join, send or leave, but was " + expected);
        }
    }
}
