package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.chat.node.ChatConfig;
import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, item 11: a socket could join any number of rooms (each a subscription, a presence entry and a read
 * every second), and a quiet socket got no pings, so a load balancer with a 60 s idle limit cut it.
 */
class SocketLimitsTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RunningChatNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = new RunningChatNode(REDIS.settings(), Map.of("CHAT_PING_INTERVAL", "200ms",
                "CHAT_IDLE_TIMEOUT", "1s"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aSocketMayJoinTenRoomsByDefaultAndGetsTooManyRoomsForTheEleventh() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("joiner", "Joiner"))) {
            for (int i = 0; i < 10; i++) {
                client.join("many" + i);
            }
            client.send(Map.of("type", "join", "room", "many10"));
            JsonNode refused = client.next("error", Duration.ofSeconds(10));
            assertEquals("too_many_rooms", refused.get("code").asText());
            assertEquals("at most 10 rooms per connection (CHAT_MAX_ROOMS); leave one before joining many10",
                    refused.get("message").asText());
            assertEquals(0L, node.node().rooms().rooms().stream().filter("many10"::equals).count(),
                    "the refused join subscribed nothing");

            client.join("many0");
            client.leave("many0");
            assertEquals("many10", client.join("many10").get("room").asText(), "a room left frees a place");
        }
    }

    @Test
    void aQuietSocketIsPingedAndStaysOpenWhileItAnswers() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("quiet", "Quiet"))) {
            client.join("quiet");
            // three idle timeouts of silence from the client's side, but for its pongs
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertTrue(client.isOpen(), "a client that answers pings is not idle");
            assertTrue(client.pings() >= 5, "pinged every 200 ms, but got " + client.pings() + " pings");
        }
    }

    @Test
    void aSocketThatAnswersNothingIsClosedAfterTheIdleTimeout() throws Exception {
        try (TestChatClient deaf = TestChatClient.connectDeaf(node.ws("deaf", "Deaf"))) {
            deaf.join("deaf");
            Awaits.await(Duration.ofSeconds(5)).until(() -> deaf.closeCode() != -1);
            assertEquals(1001, deaf.closeCode());
            assertEquals("idle: no answer to pings", deaf.closeReason());
            assertTrue(deaf.pings() >= 3, "pinged before being closed: " + deaf.pings());
        }
    }

    @Test
    void anIdleTimeoutNotLongerThanThePingIntervalIsRefused() {
        ConfigException error = assertThrows(ConfigException.class, () -> read(Map.of("CHAT_PING_INTERVAL", "30s",
                "CHAT_IDLE_TIMEOUT", "30s", "CHAT_MAX_ROOMS", "0")));
        List<String> lines = error.errors().stream().map(e -> e.line()).collect(Collectors.toList());
        assertEquals(List.of("CHAT_MAX_ROOMS=\"0\" is invalid: must be a whole number from 1 to 1000",
                "CHAT_IDLE_TIMEOUT=\"30s\" is invalid: must be longer than CHAT_PING_INTERVAL (30s)"), lines);
    }

    @Test
    void theSocketDefaultsAreTenRoomsPingsEvery20sAndAMinuteOfSilence() {
        ChatConfig config = read(Map.of());
        assertEquals(10, config.sockets().maxRooms());
        assertEquals(Duration.ofSeconds(20), config.sockets().pingInterval());
        assertEquals(Duration.ofSeconds(60), config.sockets().idleTimeout());
    }

    private static ChatConfig read(Map<String, String> env) {
        ConfigReader reader = new ConfigReader(Env.of(env));
        ChatConfig config = ChatConfig.read(reader);
        reader.throwIfInvalid();
        return config;
    }
}
