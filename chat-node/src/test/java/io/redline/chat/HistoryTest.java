package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The last 50 messages of a room: over HTTP, in the join reply, and since a given message. */
class HistoryTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RunningChatNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = new RunningChatNode(REDIS.settings(), Map.of("CHAT_SEND_LIMIT", "1000"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void historyKeepsTheLast50OldestFirstAndExpiresSevenDaysAfterTheLastMessage() throws Exception {
        for (int i = 1; i <= 60; i++) {
            HttpResponse<String> posted = post("/rooms/capped/messages", "{\"userId\":\"poster\",\"userName\":"
                    + "\"Poster\",\"content\":\"m" + i + "\"}");
            assertEquals(201, posted.statusCode(), posted.body());
        }
        JsonNode history = Json.mapper().readTree(HttpProbe.get(node.http("/rooms/capped/history")).body());
        assertEquals(50, history.size());
        assertEquals("m11", history.get(0).get("content").asText());
        assertEquals("m60", history.get(49).get("content").asText());

        String key = new RedlineKeys(KeyNamespace.NONE).chatHistory("capped");
        assertEquals(50, REDIS.client().getList(key).size());
        long ttl = REDIS.client().getList(key).remainTimeToLive();
        assertTrue(ttl > Duration.ofDays(7).minusMinutes(1).toMillis() && ttl <= Duration.ofDays(7).toMillis(),
                "ttl " + ttl);

        try (TestChatClient client = TestChatClient.connect(node.ws("reader", "Reader"))) {
            JsonNode joined = client.join("capped");
            assertEquals(50, joined.get("messages").size());
            assertEquals("m11", joined.get("messages").get(0).get("content").asText());
        }
    }

    @Test
    void aPostedMessageComesBackWith201AndTheSpecFields() throws Exception {
        HttpResponse<String> posted = post("/rooms/fields/messages",
                "{\"userId\":\"u1\",\"userName\":\"Ann\",\"content\":\"hello\"}");
        assertEquals(201, posted.statusCode());
        JsonNode message = Json.mapper().readTree(posted.body());
        List<String> fields = new ArrayList<>();
        message.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "roomId", "userId", "userName", "content", "timestamp"), fields);
        assertEquals("fields", message.get("roomId").asText());
    }

    @Test
    void aClientThatComesBackWithSinceGetsOnlyWhatItMissed() throws Exception {
        String lastSeen;
        try (TestChatClient client = TestChatClient.connect(node.ws("returner", "Returner"))) {
            client.join("since");
            for (int i = 0; i < 3; i++) {
                client.send(Map.of("type", "send", "room", "since", "content", "before" + i));
            }
            io.redline.testkit.Awaits.await().until(() -> client.messages().size() == 3);
            lastSeen = client.messages().get(2).get("id").asText();
        }
        for (int i = 0; i < 2; i++) {
            post("/rooms/since/messages", "{\"userId\":\"other\",\"userName\":\"Other\",\"content\":\"missed"
                    + i + "\"}");
        }
        try (TestChatClient client = TestChatClient.connect(node.ws("returner", "Returner"))) {
            client.send(Map.of("type", "join", "room", "since", "since", lastSeen));
            JsonNode history = client.next("history", Duration.ofSeconds(10));
            assertEquals(2, history.get("messages").size());
            assertEquals("missed0", history.get("messages").get(0).get("content").asText());
            assertEquals("missed1", history.get("messages").get(1).get("content").asText());
        }
    }

    private static HttpResponse<String> post(String path, String body) {
        return HttpProbe.send(HttpRequest.newBuilder(URI.create(node.http(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
