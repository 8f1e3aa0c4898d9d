package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refused frame gets an error frame with its own code, and the socket stays usable. */
class BadInputTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RunningChatNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = new RunningChatNode(REDIS.settings(), Map.of("CHAT_SEND_LIMIT", "3", "CHAT_SEND_WINDOW", "1m"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void eachBadFrameGetsItsCodeAndTheSocketStaysOpen() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("tester", "Tester"))) {
            assertError(client, "not json", "invalid_json");
            assertError(client, "[1,2]", "invalid_json");
            assertError(client, "{\"type\":\"dance\",\"room\":\"r\"}", "unknown_type");
            assertError(client, "{\"room\":\"r\"}", "unknown_type");
            assertError(client, "{\"type\":\"join\",\"room\":\"no spaces\"}", "invalid_room");
            assertError(client, "{\"type\":\"join\",\"room\":\"" + "x".repeat(65) + "\"}", "invalid_room");
            assertError(client, "{\"type\":\"join\",\"room\":\"{other}\"}", "invalid_room");
            assertError(client, "{\"type\":\"join\"}", "invalid_room");
            assertError(client, "{\"type\":\"join\",\"room\":7}", "invalid_frame");
            assertError(client, "{\"type\":\"send\",\"room\":\"r\",\"content\":\"hi\"}", "not_joined");
            assertError(client, "{\"type\":\"leave\",\"room\":\"r\"}", "not_joined");
            client.join("r");
            assertError(client, "{\"type\":\"send\",\"room\":\"r\",\"content\":\"   \"}", "empty_content");
            assertError(client, "{\"type\":\"send\",\"room\":\"r\"}", "empty_content");
            assertError(client, "{\"type\":\"send\",\"room\":\"r\",\"content\":\"" + "y".repeat(2001) + "\"}",
                    "content_too_long");

            for (int i = 0; i < 3; i++) {
                client.send(Map.of("type", "send", "room", "r", "content", "ok" + i));
            }
            JsonNode limited = error(client, "{\"type\":\"send\",\"room\":\"r\",\"content\":\"one too many\"}");
            assertEquals("rate_limited", limited.get("code").asText());
            assertTrue(limited.get("message").asText().startsWith("at most 3 messages per window; retry in"));

            assertTrue(client.isOpen(), "the socket stays open after every refusal");
            io.redline.testkit.Awaits.await().until(() -> client.messages().size() == 3);
            assertEquals("ok2", client.messages().get(2).get("content").asText());
        }
    }

    @Test
    void aContentOf2000CharactersIsAccepted() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("long", "Long"))) {
            client.join("long");
            client.send(Map.of("type", "send", "room", "long", "content", "z".repeat(2000)));
            assertEquals(2000, client.next("message", Duration.ofSeconds(10)).get("message").get("content").asText()
                    .length());
        }
    }

    @Test
    void aSocketWithoutAValidUserIsRefusedBeforeTheUpgrade() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> TestChatClient.connect(node.ws("bad%20id", "X")));
        assertTrue(refused.getCause().getMessage().contains("400"), refused.getCause().getMessage());
    }

    @Test
    void badHttpInputGets400WithTheCode() {
        HttpResponse<String> response = HttpProbe.send(HttpRequest.newBuilder(URI.create(node.http(
                "/rooms/r/messages"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\"}")).build());
        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"invalid_frame\",\"message\":\"userName is required (a string)\"}", response.body());
        assertEquals(400, HttpProbe.status(node.http("/rooms/bad%20room/history")));
    }

    private static void assertError(TestChatClient client, String frame, String code) throws Exception {
        assertEquals(code, error(client, frame).get("code").asText(), frame);
    }

    private static JsonNode error(TestChatClient client, String frame) throws Exception {
        client.sendRaw(frame);
        return client.next("error", Duration.ofSeconds(10));
    }
}
