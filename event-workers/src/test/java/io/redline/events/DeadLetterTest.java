package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.testkit.Awaits;
import io.redline.core.testkit.RedisExtension;
import io.redline.events.effects.OrderEffects;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;

class DeadLetterTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredAndTheOthersAreUnaffected() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("failing"));
        SimulatedOrders orders = SimulatedOrders.generate("f", 50, false, 0, 7, Instant.parse("2026-11-26T10:00:00Z"));
        OrderEffects effects = new OrderEffects();
        List<String> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of("CLAIM_IDLE", "300ms",
                "MAX_DELIVERIES", "3"), (event, batch) -> {
                    if (event.orderId().equals("f-7") && event.type().wire().equals("order.paid")) {
                        attempts.add(event.orderId());
                        throw new IllegalStateException("payment service refused f-7");
                    }
                    effects.apply(event, batch);
                })) {
            new Producer(REDIS.client(), keys).write(orders.events(), 0);
            Awaits.await().until(() -> deadLetters(keys).size() == 1 && EndState.drained(REDIS.client(), keys));
        }
        Map<String, String> dead = deadLetters(keys).get(0);
        assertEquals("order.paid", dead.get("type"));
        assertTrue(dead.get("payload").contains("\"f-7\""));
        assertEquals("delivered 4 times, more than MAX_DELIVERIES=3", dead.get("reason"));
        assertEquals("4", dead.get("deliveries"));
        assertEquals("pod-reaper", dead.get("consumer"));
        assertEquals(3, attempts.size(), "tried on each of its 3 allowed deliveries");
        Map<Object, Object> f7 = REDIS.client().getMap(keys.orderProjection("f-7"), RedisCodecs.STRING).readAllMap();
        assertEquals(null, f7.get("paidAt"), "f-7's payment never applied: " + f7);
        assertEquals("shipped", f7.get("status"), "its other events did");
        assertEquals("shipped", REDIS.client().getMap(keys.orderProjection("f-8"), RedisCodecs.STRING).get("status"));
    }

    @Test
    void poisonGoesToTheDeadLettersAtOnceWithItsReason() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("poison"));
        RStream<String, String> stream = REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING);
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of())) {
            stream.add(StreamAddArgs.entries("type", "order.created", "timestamp", "1764150000000"));
            stream.add(StreamAddArgs.entries("type", "order.refunded", "payload", "{\"orderId\":\"x\"}", "timestamp",
                    "1764150000000"));
            stream.add(StreamAddArgs.entries("type", "order.paid", "payload", "not json", "timestamp",
                    "1764150000000"));
            stream.add(StreamAddArgs.entries("type", "order.paid", "payload", "{\"amount\":3}", "timestamp",
                    "1764150000000"));
            stream.add(StreamAddArgs.entries("type", "order.paid", "payload", "{\"orderId\":\"ok\",\"amount\":3}",
                    "timestamp", "yesterday"));
            stream.add(StreamAddArgs.entries("type", "order.shipped", "payload", "{\"orderId\":\"fine\"}",
                    "timestamp", "1764150000000"));
            Awaits.await().until(() -> deadLetters(keys).size() == 5 && EndState.drained(REDIS.client(), keys));
        }
        assertEquals(List.of("missing field payload",
                        "payload has no orderId (a string)",
                        "payload is not JSON",
                        "timestamp must be Unix milliseconds, but was \"yesterday\"",
                        "unknown type \"order.refunded\"; expected order.created, order.paid or order.shipped"),
                deadLetters(keys).stream().map(d -> d.get("reason")).sorted().collect(Collectors.toList()));
        assertEquals("1", deadLetters(keys).get(0).get("deliveries"));
        assertEquals("shipped", REDIS.client().getMap(keys.orderProjection("fine"), RedisCodecs.STRING).get("status"),
                "the good entry after the poison is processed");
    }

    static List<Map<String, String>> deadLetters(RedlineKeys keys) {
        return new ArrayList<>(REDIS.client().<String, String>getStream(keys.eventDeadLetters(), RedisCodecs.STRING)
                .range(StreamRangeArgs.startId(StreamMessageId.MIN).endId(StreamMessageId.MAX)).values());
    }
}
