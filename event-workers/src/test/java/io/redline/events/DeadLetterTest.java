package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.events.deadletter.DeadLetter;
import io.redline.events.deadletter.DeadLetterRequeue;
import io.redline.events.deadletter.DeadLetters;
import io.redline.events.effects.OrderEffects;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Regression test of "dead letters can be duplicated": the dead-letter XADD and the XACK were separate calls, so
     * a worker dying in between left the original pending and the reaper dead-lettered it a second time.
     */
    @Test
    void aMoveRepeatedAfterACrashAddsTheDeadLetterOnce() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("moved-once"));
        DeadLetters deadLetters = new DeadLetters(REDIS.client(), keys, 100, Clock.systemUTC());
        StreamMessageId original = new StreamMessageId(1764150000000L, 0);
        DeadLetter letter = new DeadLetter(Map.of("type", "order.paid", "payload", "{}", "timestamp", "1"),
                "delivered 6 times, more than MAX_DELIVERIES=5", 6);

        assertEquals(Set.of(original), deadLetters.add("pod-reaper", Map.of(original, letter)));
        assertEquals(Set.of(original), deadLetters.add("other-reaper", Map.of(original, letter)),
                "already there: the original may be acknowledged");

        assertEquals(1, deadLetters(keys).size());
        assertEquals("pod-reaper", deadLetters(keys).get(0).get("consumer"));
    }

    @Test
    void theDeadLettersKeepAtMostDlqMaxlenEntriesDroppingTheOldest() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("dlq-maxlen"));
        DeadLetters deadLetters = new DeadLetters(REDIS.client(), keys, 3, Clock.systemUTC());
        for (int n = 1; n <= 5; n++) {
            deadLetters.add("pod-1", Map.of(new StreamMessageId(1764150000000L, n), new DeadLetter(Map.of("type",
                    "order.paid", "payload", "{}", "timestamp", "1"), "poison " + n, 1)));
        }
        assertEquals(List.of("poison 3", "poison 4", "poison 5"),
                deadLetters(keys).stream().map(d -> d.get("reason")).collect(Collectors.toList()));
    }

    /**
     * Regression test of "dlq requeue adds before it deletes": a run that died between the two, started again,
     * wrote the event to the stream a second time.
     */
    @Test
    void aRequeueRepeatedAfterACrashWritesTheEventBackOnce() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("requeued-once"));
        DeadLetters deadLetters = new DeadLetters(REDIS.client(), keys, 100, Clock.systemUTC());
        deadLetters.add("pod-1", Map.of(new StreamMessageId(1764150000000L, 0), new DeadLetter(Map.of("type",
                "order.shipped", "payload", "{\"orderId\":\"o-1\"}", "timestamp", "1764150000000"), "poison", 1)));
        StreamMessageId dead = REDIS.client().<String, String>getStream(keys.eventDeadLetters(), RedisCodecs.STRING)
                .range(StreamRangeArgs.startId(StreamMessageId.MIN).endId(StreamMessageId.MAX)).keySet().iterator()
                .next();
        Map<String, String> fields = deadLetters(keys).get(0);
        DeadLetterRequeue requeue = new DeadLetterRequeue(REDIS.client(), keys, Clock.systemUTC());

        assertTrue(requeue.one(dead, fields).isPresent());
        assertEquals(Optional.empty(), requeue.one(dead, fields), "the run that died is started again");

        Map<StreamMessageId, Map<String, String>> stream = REDIS.client().<String, String>getStream(
                keys.eventStream(), RedisCodecs.STRING).range(StreamRangeArgs.startId(StreamMessageId.MIN)
                .endId(StreamMessageId.MAX));
        assertEquals(List.of(Map.of("type", "order.shipped", "payload", "{\"orderId\":\"o-1\"}", "timestamp",
                "1764150000000")), List.copyOf(stream.values()));
        assertEquals(List.of(), deadLetters(keys));
    }

    private static List<Map<String, String>> deadLetters(RedlineKeys keys) {
        return EndState.deadLetters(REDIS.client(), keys);
    }
}
