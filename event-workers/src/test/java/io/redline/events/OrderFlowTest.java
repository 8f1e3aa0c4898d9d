package io.redline.events;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 10,000 orders (30,000 events) through two worker processes of two members each. */
class OrderFlowTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void tenThousandOrdersEndShippedWithExactTotalsRevenueAndUnits() throws Exception {
        run("flow", false, 0);
    }

    @Test
    void shuffledAndDuplicatedEventsGiveTheSameEndState() throws Exception {
        run("shuffled", true, 0.2);
    }

    private static void run(String namespace, boolean shuffle, double duplicates) throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace(namespace));
        SimulatedOrders orders = SimulatedOrders.generate("o", 10_000, shuffle, duplicates, 42,
                Instant.parse("2026-11-26T01:02:00Z")); // flows end here; payments straddle midnight
        RunningWorkers first = new RunningWorkers(REDIS.settings(), keys, "pod-a", Map.of());
        RunningWorkers second = new RunningWorkers(REDIS.settings(), keys, "pod-b", Map.of());
        try {
            new Producer(REDIS.client(), keys).write(orders.events(), 0);
            Awaits.await(Duration.ofSeconds(120)).until(() -> EndState.drained(REDIS.client(), keys));
        } finally {
            first.close();
            second.close();
        }
        EndState.assertMatches(REDIS.client(), keys, orders);
    }
}
