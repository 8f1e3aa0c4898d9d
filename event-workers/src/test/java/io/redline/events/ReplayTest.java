package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.testkit.Awaits;
import io.redline.core.testkit.RedisExtension;
import io.redline.events.replay.Replay;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.options.KeysScanOptions;

class ReplayTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void replayRebuildsIdenticalProjectionsAndAggregates() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("replayed"));
        SimulatedOrders orders = SimulatedOrders.generate("p", 1_000, true, 0.2, 5, Instant.parse(
                "2026-11-26T01:02:00Z")); // flows end here; payments straddle midnight
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of())) {
            new Producer(REDIS.client(), keys).write(orders.events(), 0);
            Awaits.await().until(() -> EndState.drained(REDIS.client(), keys));
        }
        Map<String, Map<Object, Object>> before = projections(keys, orders);
        // damage what a bug could have damaged: the replay must not depend on what is there
        REDIS.client().getMap(keys.orderProjection("p-1"), RedisCodecs.STRING).put("status", "created");
        REDIS.client().getScoredSortedSet(keys.unitsSold(), RedisCodecs.STRING).clear();

        List<Long> progress = new ArrayList<>();
        long replayed = new Replay(REDIS.client(), keys).run((done, total) -> progress.add(done));

        assertEquals(orders.events().size(), replayed);
        assertEquals(replayed, progress.get(progress.size() - 1));
        assertEquals(before, projections(keys, orders));
        EndState.assertMatches(REDIS.client(), keys, orders);
        assertEquals(false, REDIS.client().getKeys().getKeys(KeysScanOptions.defaults().pattern("replayed.replay:*"))
                .iterator().hasNext(), "no fresh key is left behind after the switch");
    }

    private static Map<String, Map<Object, Object>> projections(RedlineKeys keys, SimulatedOrders orders) {
        Map<String, Map<Object, Object>> all = new java.util.TreeMap<>();
        for (String id : orders.totals().keySet()) {
            all.put(id, REDIS.client().getMap(keys.orderProjection(id), RedisCodecs.STRING).readAllMap());
        }
        return all;
    }
}
