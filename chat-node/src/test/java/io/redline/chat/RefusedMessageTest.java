package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.redis.RedisSettings;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regression: the send script published a message before storing it, so a message whose store Redis refused (out
 * of memory here; {@code NOREPLICAS} on a Sentinel master being demoted in {@code RedisSentinelIT}) reached the
 * room's clients, the sender's echo included, while the sender was told {@code unavailable}, and it was in no
 * history. It is now stored first: a refused message reaches nobody.
 */
class RefusedMessageTest {

    private RedisProcess redis;
    private RunningChatNode node;

    @BeforeEach
    void start() throws Exception {
        redis = RedisProcess.server(RedisBinaries.anyServer());
        node = new RunningChatNode(RedisSettings.single(redis.url()), Map.of("CHAT_SEND_LIMIT", "1000"));
    }

    @AfterEach
    void stop() {
        node.close();
        redis.close();
    }

    @Test
    void aMessageRedisRefusesToStoreReachesNoClientAndItsSenderIsTold() throws Exception {
        try (TestChatClient sender = TestChatClient.connect(node.ws("sender", "Sender"));
             TestChatClient listener = TestChatClient.connect(node.ws("listener", "Listener"))) {
            sender.join("full");
            listener.join("full");
            RawRedis.once(redis.port(), "CONFIG", "SET", "maxmemory-policy", "noeviction");
            RawRedis.once(redis.port(), "CONFIG", "SET", "maxmemory", "1");
            try {
                sender.send(Map.of("type", "send", "room", "full", "content", "refused"));
                JsonNode error = sender.next("error", Duration.ofSeconds(10));
                assertEquals("unavailable", error.get("code").asText(), error.toString());
            } finally {
                RawRedis.once(redis.port(), "CONFIG", "SET", "maxmemory", "0");
            }
            sender.send(Map.of("type", "send", "room", "full", "content", "after"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages().size() == 1
                    && sender.messages().size() == 1);
            assertEquals(List.of("after"), listener.messages().stream().map(m -> m.get("content").asText()).toList());
            assertEquals(List.of("after"), sender.messages().stream().map(m -> m.get("content").asText()).toList());
            assertEquals(1L, RawRedis.once(redis.port(), "LLEN", "chat:history:{full}"));
        }
    }
}
