package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedEvent;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.protocol.ScoredEntry;

/**
 * Regression test of "one bad key fails the whole effects batch": with {@code order:{B1}} holding a string, 58 of
 * 60 entries went to the dead letters as "delivered 3 times", B1's revenue was counted although its projection
 * failed, nothing was logged per entry and the failure metric stayed 0.
 */
class BadKeyTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void aKeyOfTheWrongTypeDeadLettersOnlyItsOwnOrdersEventsWithRedisReplyAsTheReason() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("bad-key"));
        SimulatedOrders orders = SimulatedOrders.generate("b", 20, true, 0, 11, Instant.parse("2026-11-26T10:00:00Z"));
        REDIS.client().getBucket(keys.orderProjection("b-7"), RedisCodecs.STRING).set("garbage");
        AtomicInteger failures = new AtomicInteger();
        WorkerEvents events = new WorkerEvents() {
            @Override
            public void failed(int entries) {
                failures.addAndGet(entries);
            }
        };
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of("MAX_DELIVERIES", "2",
                "CLAIM_IDLE", "300ms"), null, events)) {
            new Producer(REDIS.client(), keys).write(orders.events(), 0);
            Awaits.await().until(() -> EndState.deadLetters(REDIS.client(), keys).size() == 3
                    && EndState.drained(REDIS.client(), keys));
        }
        List<Map<String, String>> dead = EndState.deadLetters(REDIS.client(), keys);
        assertEquals(List.of("order.created", "order.paid", "order.shipped"),
                dead.stream().map(d -> d.get("type")).sorted().collect(Collectors.toList()));
        for (Map<String, String> letter : dead) {
            assertEquals("bad-key:order:{b-7}: WRONGTYPE Operation against a key holding the wrong kind of value",
                    letter.get("reason"));
            assertEquals("1", letter.get("deliveries"), "dead-lettered at its first delivery");
        }
        assertEquals(3, failures.get(), "each of b-7's entries is counted as a failure");
        for (int n = 1; n <= 20; n++) {
            if (n != 7) {
                assertEquals("shipped", REDIS.client().getMap(keys.orderProjection("b-" + n), RedisCodecs.STRING)
                        .get("status"), "b-" + n);
            }
        }
        LocalDate day = LocalDate.parse("2026-11-26");
        long b7 = orders.totals().get("b-7");
        assertEquals(orders.revenueCents().get(day) - b7, Long.parseLong((String) REDIS.client().getBucket(
                keys.dailyRevenueCents(day), RedisCodecs.STRING).get()), "b-7's payment is not counted");
        long unitsSold = 0;
        for (ScoredEntry<String> entry : REDIS.client().<String>getScoredSortedSet(keys.unitsSold(),
                RedisCodecs.STRING).entryRange(0, -1)) {
            unitsSold += Math.round(entry.getScore());
        }
        long expected = orders.units().values().stream().mapToLong(Long::longValue).sum() - quantities(orders, "b-7");
        assertEquals(expected, unitsSold, "b-7's units are not counted");
    }

    /** The units of one order, read from its order.created payload. */
    private static long quantities(SimulatedOrders orders, String orderId) {
        SimulatedEvent created = orders.events().stream().filter(e -> e.type().equals("order.created")
                && e.payload().contains("\"" + orderId + "\"")).findFirst().orElseThrow();
        long sum = 0;
        java.util.regex.Matcher qty = java.util.regex.Pattern.compile("\"qty\":(\\d+)").matcher(created.payload());
        while (qty.find()) {
            sum += Long.parseLong(qty.group(1));
        }
        return sum;
    }
}
