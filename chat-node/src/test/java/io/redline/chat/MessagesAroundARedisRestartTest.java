package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.chat.message.ChatMessage;
import io.redline.chat.message.MessagePublisher;
import io.redline.chat.metrics.ChatMetrics;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.testkit.Awaits;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Issue 10, item 10: messages sent around a Redis restart were stored but never delivered live, and nobody was
 * told. A send that cannot be published is refused with {@code unavailable} and not stored; a node whose
 * subscriptions come back catches its clients up from the history, each message once.
 */
class MessagesAroundARedisRestartTest {

    private static final RedlineKeys KEYS = new RedlineKeys(KeyNamespace.NONE);

    private RedisProcess redis;
    private RunningChatNode node;

    @BeforeEach
    void start() throws Exception {
        redis = RedisProcess.server(RedisBinaries.anyServer());
        node = new RunningChatNode(RedisSettings.single(redis.url()), Map.of("CHAT_SEND_LIMIT", "1000"));
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        redis.close();
    }

    @Test
    void aSendWhileRedisIsDownGetsUnavailableAndIsNotStoredLater() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("during", "During"))) {
            client.join("outage");
            redis.stop();
            long sent = System.nanoTime();
            client.send(Map.of("type", "send", "room", "outage", "content", "while down"));
            JsonNode error = client.next("error", Duration.ofSeconds(10));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertEquals("unavailable", error.get("code").asText(), error.toString());
            assertTrue(waited < 6_000, "told within the send's wait, but it took " + waited + " ms");

            // the client was told nothing was stored: no retry of the Redis client may store it after all
            redis.start();
            Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> !history("outage").contains("while down")
                            && client.messages().stream().noneMatch(m -> m.get("content").asText()
                            .equals("while down")));
        }
    }

    @Test
    void aSendAroundARedisRestartIsEchoedOrRefusedButNeverSilentlyStored() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("around", "Around"))) {
            client.join("blip");
            redis.stop();
            client.send(Map.of("type", "send", "room", "blip", "content", "around the restart"));
            // back at once: the Redis client's retry of the send lands before its subscriptions are back
            redis.start();
            Awaits.await(Duration.ofSeconds(10)).until(() -> !contents(client).isEmpty() || client.hasFrame("error"));
            if (client.hasFrame("error")) {
                assertEquals("unavailable", client.next("error", Duration.ZERO).get("code").asText());
                Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> history("blip").stream().noneMatch(json -> json.contains(messageJsonOf(
                                "around the restart"))));
            } else {
                assertEquals(List.of("around the restart"), contents(client));
            }
        }
    }

    @Test
    void aMessageTheNodeMissedWhileNotSubscribedReachesItsClientOnceWhenTheSubscriptionIsBack() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("reader", "Reader"))) {
            client.join("restart");
            client.send(Map.of("type", "send", "room", "restart", "content", "before"));
            Awaits.await().until(() -> client.messages().size() == 1);

            // a message in the history that this node's subscription never carried, as one published while it
            // was down; saved, so that the restarted server has it before the node can subscribe again
            String missed = new ChatMessage(System.currentTimeMillis() + "-othernod-1", "restart", "other", "Other",
                    "missed", System.currentTimeMillis()).toJson();
            RawRedis.once(redis.port(), "LPUSH", KEYS.chatHistory("restart"), missed);
            RawRedis.once(redis.port(), "SAVE");
            redis.stop();
            redis.start();

            Awaits.await().until(() -> contents(client).contains("missed"));
            Awaits.await().untilAsserted(() -> {
                client.send(Map.of("type", "send", "room", "restart", "content", "after"));
                Awaits.await(Duration.ofSeconds(2)).until(() -> contents(client).contains("after"));
            });
            Awaitility.await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
            assertEquals(List.of("before", "missed", "after"), contents(client), "each message once, in order");
            assertTrue(node.metric(ChatMetrics.SUBSCRIPTIONS_LOST) >= 1, "the loss is counted");
            assertTrue(node.metric(ChatMetrics.SUBSCRIPTIONS_RESTORED) >= 1, "the return is counted");
            assertTrue(node.metric(ChatMetrics.CATCH_UPS) >= 1, "the catch-up is counted");
            assertEquals(1.0, node.metric(ChatMetrics.CATCH_UP_MESSAGES), "one message came from the history");
        }
    }

    @Test
    void theLossOfTheSubscriptionsIsCountedOnceWhileRedisIsDownAndTheirReturnOncePerRoom() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("idle", "Idle"))) {
            client.join("quiet1");
            client.join("quiet2");
            redis.stop();
            // nobody sends: the node notices by itself, before Redis is back
            Awaits.await(Duration.ofSeconds(20)).until(() -> node.metric(ChatMetrics.SUBSCRIPTIONS_LOST) == 1);
            redis.start();
            Awaits.await().until(() -> node.metric(ChatMetrics.SUBSCRIPTIONS_RESTORED) == 2);
            Awaits.await().until(() -> node.metric(ChatMetrics.CATCH_UPS) == 2);
            assertEquals(1.0, node.metric(ChatMetrics.SUBSCRIPTIONS_LOST), "one outage, however many rooms");
            assertEquals(0.0, node.metric(ChatMetrics.CATCH_UP_MESSAGES), "nothing was missed");
        }
    }

    @Test
    void aSendThatReachesFewerSubscribersThanItMustIsNotStored() throws Exception {
        RedissonClient client = Redisson.create(RedissonConfigs.create(RedisSettings.single(redis.url()), "test"));
        try {
            MessagePublisher publisher = new MessagePublisher(client, KEYS, false);
            ChatMessage unheard = new ChatMessage(System.currentTimeMillis() + "-testnode-1", "empty", "u", "U",
                    "nobody listens", System.currentTimeMillis());
            assertEquals(0L, publisher.publish(unheard, 1).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals(List.of(), history("empty"), "a send that must reach its node's subscription but reached"
                    + " no one is not stored");
            assertEquals(0L, publisher.publish(unheard, 0).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals(List.of(unheard.toJson()), history("empty"), "an HTTP send need reach no one");
        } finally {
            client.shutdown();
        }
    }

    private List<String> history(String room) throws IOException {
        @SuppressWarnings("unchecked")
        List<Object> newestFirst = (List<Object>) RawRedis.once(redis.port(), "LRANGE", KEYS.chatHistory(room),
                "0", "-1");
        return newestFirst.stream().map(String::valueOf).collect(Collectors.toList());
    }

    private static String messageJsonOf(String content) {
        return "\"content\":\"" + content + "\"";
    }

    private static List<String> contents(TestChatClient client) {
        return client.messages().stream().map(m -> m.get("content").asText()).collect(Collectors.toList());
    }
}
