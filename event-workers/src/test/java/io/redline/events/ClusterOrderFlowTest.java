package io.redline.events;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisClusterExtension;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 10,000-order flow on a real Redis Cluster: every script's keys in one slot. */
class ClusterOrderFlowTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0);

    @Test
    void tenThousandShuffledDuplicatedOrdersEndExactOnACluster() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("cluster"));
        SimulatedOrders orders = SimulatedOrders.generate("c", 10_000, true, 0.2, 9,
                Instant.parse("2026-11-26T01:02:00Z")); // flows end here; payments straddle midnight
        RunningWorkers first = new RunningWorkers(CLUSTER.settings(), keys, "pod-a", Map.of());
        RunningWorkers second = new RunningWorkers(CLUSTER.settings(), keys, "pod-b", Map.of());
        try {
            new Producer(CLUSTER.client(), keys).write(orders.events(), 0);
            Awaits.await(Duration.ofSeconds(120)).until(() -> EndState.drained(CLUSTER.client(), keys));
        } finally {
            first.close();
            second.close();
        }
        EndState.assertMatches(CLUSTER.client(), keys, orders);
    }
}
