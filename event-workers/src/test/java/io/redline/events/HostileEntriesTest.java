package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamAddArgs;

/**
 * Garbage interleaved with good events: missing and garbage fields, huge payloads, wrong JSON types, numbers out
 * of range, hostile order ids. Every good order ends exact; every bad entry is dead-lettered once, with a reason.
 */
class HostileEntriesTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final List<Map<String, String>> HOSTILE = List.of(
            Map.of(),
            Map.of("type", "order.paid"),
            Map.of("type", "\u0000\u0001", "payload", "{}", "timestamp", "1"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":\"x\",\"amount\":1}", "timestamp", "-5"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":\"x\",\"amount\":1}", "timestamp", "9".repeat(40)),
            Map.of("type", "order.paid", "payload", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "timestamp", "1764150000000"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":\"" + "a".repeat(200_000) + "\",\"amount\":1}",
                    "timestamp", "1764150000000"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":\"a{b}\",\"amount\":1}", "timestamp",
                    "1764150000000"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":\"x*\",\"amount\":1}", "timestamp", "1764150000000"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":42,\"amount\":1}", "timestamp", "1764150000000"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":\"x\",\"amount\":true}", "timestamp",
                    "1764150000000"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":\"x\",\"amount\":1e400}", "timestamp",
                    "1764150000000"),
            Map.of("type", "order.paid", "payload", "{\"orderId\":\"x\",\"amount\":-0.01}", "timestamp",
                    "1764150000000"),
            Map.of("type", "order.created", "payload", "{\"orderId\":\"x\",\"total\":1,\"items\":[{\"sku\":\"\","
                    + "\"qty\":1,\"price\":1}]}", "timestamp", "1764150000000"),
            Map.of("type", "order.created", "payload", "{\"orderId\":\"x\",\"total\":1,\"items\":[{\"sku\":\"a\","
                    + "\"qty\":1.5,\"price\":1}]}", "timestamp", "1764150000000"),
            Map.of("type", "order.created", "payload", "{\"orderId\":\"x\",\"total\":1,\"items\":\"many\"}",
                    "timestamp", "1764150000000"),
            Map.of("type", "order.shipped", "payload", "\"just a string\"", "timestamp", "1764150000000"),
            Map.of("type", "order.shipped", "payload", "{\"orderId\":\"\"}", "timestamp", "1764150000000"));

    @Test
    void goodEventsAreExactAndEveryHostileEntryIsDeadLetteredOnceWithAReason() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("hostile"));
        SimulatedOrders orders = SimulatedOrders.generate("g", 300, true, 0.1, 17, Instant.now());
        List<Map<String, String>> entries = new ArrayList<>();
        orders.events().forEach(event -> entries.add(event.fields()));
        Random random = new Random(17);
        for (Map<String, String> hostile : HOSTILE) {
            entries.add(random.nextInt(entries.size() + 1), hostile.isEmpty() ? Map.of("junk", "") : hostile);
        }
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of("WORKER_BATCH", "7",
                "CLAIM_IDLE", "300ms"))) {
            RStream<String, String> stream = REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING);
            for (Map<String, String> entry : entries) {
                stream.add(StreamAddArgs.entries(new HashMap<>(entry)));
            }
            Awaits.await(Duration.ofSeconds(60)).until(() -> EndState.drained(REDIS.client(), keys)
                    && EndState.deadLetters(REDIS.client(), keys).size() >= HOSTILE.size());
        }
        List<Map<String, String>> dead = EndState.deadLetters(REDIS.client(), keys);
        assertEquals(HOSTILE.size(), dead.size(), "each hostile entry once");
        for (Map<String, String> letter : dead) {
            assertTrue(!letter.get("reason").isBlank() && letter.get("reason").length() < 400, letter.get("reason"));
            assertEquals("1", letter.get("deliveries"), "poison at its first delivery: " + letter.get("reason"));
        }
        EndState.assertMatches(REDIS.client(), keys, orders);
    }
}
