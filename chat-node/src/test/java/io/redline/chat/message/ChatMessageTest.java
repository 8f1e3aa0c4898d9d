package io.redline.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The message as it travels on {@code chat:room:{R}} and lives in {@code chat:history:{R}}. */
class ChatMessageTest {

    @Test
    void theFixtureIsReadIntoAMessageAndWrittenBackAsTheSameText() throws IOException {
        JsonNode fixture;
        try (InputStream in = ChatMessageTest.class.getResourceAsStream("chat-message.json")) {
            fixture = Json.mapper().readTree(in);
        }
        ChatMessage message = ChatMessage.parse(fixture.toString());
        assertEquals(new ChatMessage("1732600000000-abcdef12-1", "lobby", "ann", "Ann",
                "hi <b>all</b> \"quoted\" \u00e9\ud83d\ude00", 1_732_600_000_000L), message);
        assertEquals(fixture.toString(), message.toJson());
    }

    @Test
    void theTracedFixtureKeepsItsTraceparentBothWays() throws IOException {
        JsonNode fixture;
        try (InputStream in = ChatMessageTest.class.getResourceAsStream("chat-message-traced.json")) {
            fixture = Json.mapper().readTree(in);
        }
        ChatMessage message = ChatMessage.parse(fixture.toString());
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", message.traceparent());
        assertEquals(fixture.toString(), message.toJson());
    }

    @Test
    void aMessageWithoutTraceparentIsWrittenWithoutTheField() {
        assertEquals("{\"id\":\"1-n-1\",\"roomId\":\"r\",\"userId\":\"u\",\"userName\":\"U\",\"content\":\"c\","
                + "\"timestamp\":1}", new ChatMessage("1-n-1", "r", "u", "U", "c", 1L).toJson());
    }

    @Test
    void aMalformedTraceparentDoesNotMakeTheMessageUnreadable() {
        assertEquals("not-a-traceparent", ChatMessage.parse("{\"id\":\"1-n-1\",\"roomId\":\"r\",\"userId\":\"u\","
                + "\"userName\":\"U\",\"content\":\"c\",\"timestamp\":1,\"traceparent\":\"not-a-traceparent\"}")
                .traceparent());
    }

    @Test
    void fieldsAnotherProducerAddsAreIgnored() {
        assertEquals(new ChatMessage("1-n-1", "r", "u", "U", "c", 1L), ChatMessage.parse("{\"id\":\"1-n-1\","
                + "\"roomId\":\"r\",\"userId\":\"u\",\"userName\":\"U\",\"content\":\"c\",\"timestamp\":1,\"x\":2}"));
    }

    @Test
    void textThatIsNotAMessageIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ChatMessage.parse("{\"id\":\"1-n-1\",\"timestamp\":null}"));
        assertTrue(refused.getMessage().startsWith("not a valid ChatMessage JSON: "), refused.getMessage());
    }
}
