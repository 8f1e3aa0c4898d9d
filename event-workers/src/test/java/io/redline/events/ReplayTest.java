package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.events.replay.Replay;
import io.redline.events.replay.TrimmedHistoryException;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.api.stream.StreamTrimArgs;

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
        long replayed = new Replay(REDIS.client(), keys, Clock.systemUTC()).run((done, total) -> progress.add(done),
                false);

        assertEquals(orders.events().size(), replayed);
        assertEquals(replayed, progress.get(progress.size() - 1));
        assertEquals(before, projections(keys, orders));
        EndState.assertMatches(REDIS.client(), keys, orders);
        assertEquals(false, REDIS.client().getKeys().getKeys(KeysScanOptions.defaults().pattern("replayed:~replay:*"))
                .iterator().hasNext(), "no fresh key is left behind after the switch");
    }

    /**
     * Regression test of "replay over trimmed history shrinks live totals": rebuilt keys were renamed over the live
     * ones, and the orders that retention had trimmed vanished from units and revenue.
     */
    @Test
    void aReplayOverAStreamThatLostEntriesIsRefusedAndChangesNothing() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("trimmed"));
        SimulatedOrders orders = SimulatedOrders.generate("t", 20, false, 0, 5, Instant.parse("2026-11-25T10:00:00Z"));
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of())) {
            new Producer(REDIS.client(), keys).write(orders.events(), 0);
            Awaits.await().until(() -> EndState.drained(REDIS.client(), keys));
        }
        REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING).trim(StreamTrimArgs.maxLen(30).noLimit());

        TrimmedHistoryException refused = assertThrows(TrimmedHistoryException.class,
                () -> new Replay(REDIS.client(), keys, Clock.systemUTC()).run((done, total) -> { }, false));

        assertEquals("the stream has lost 30 of the 60 entries written to it (trimmed by STREAM_RETENTION, or"
                + " deleted); a replay would rebuild totals without them and shrink the live ones. Give"
                + " --over-trimmed-history to replay what is left anyway", refused.getMessage());
        EndState.assertMatches(REDIS.client(), keys, orders);
    }

    /**
     * Regression test of "deleteByPattern("replay:*") would delete another environment's keys if its namespace
     * were literally replay".
     */
    @Test
    void aReplayWithoutNamespaceLeavesTheKeysOfAnEnvironmentNamedReplayAlone() throws Exception {
        RedlineKeys other = new RedlineKeys(new KeyNamespace("replay"));
        REDIS.client().getMap(other.orderProjection("theirs"), RedisCodecs.STRING).put("status", "paid");
        RedlineKeys none = new RedlineKeys(KeyNamespace.NONE);
        new Producer(REDIS.client(), none).write(SimulatedOrders.generate("n", 1, false, 0, 1,
                Instant.parse("2026-11-25T10:00:00Z")).events(), 0);

        long replayed = new Replay(REDIS.client(), none, Clock.systemUTC()).run((done, total) -> { }, false);

        assertEquals(3, replayed);

        assertEquals("paid", REDIS.client().getMap(other.orderProjection("theirs"), RedisCodecs.STRING)
                .get("status"));
    }

    private static Map<String, Map<Object, Object>> projections(RedlineKeys keys, SimulatedOrders orders) {
        Map<String, Map<Object, Object>> all = new java.util.TreeMap<>();
        for (String id : orders.totals().keySet()) {
            all.put(id, REDIS.client().getMap(keys.orderProjection(id), RedisCodecs.STRING).readAllMap());
        }
        return all;
    }
}
