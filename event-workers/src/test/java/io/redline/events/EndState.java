package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.GroupNames;
import io.redline.events.simulate.SimulatedOrders;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamGroup;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.client.protocol.ScoredEntry;

/** What Redis must hold once every simulated event is processed, and a way to wait for that moment. */
final class EndState {

    private EndState() {
    }

    /** Every entry of the stream delivered to the group and acknowledged. */
    static boolean drained(RedissonClient redis, RedlineKeys keys) {
        RStream<String, String> stream = ConsumerGroup.stream(redis, keys);
        if (stream.getPendingInfo(GroupNames.GROUP).getTotal() > 0) {
            return false;
        }
        Map<StreamMessageId, Map<String, String>> last = stream.rangeReversed(StreamRangeArgs.startId(
                StreamMessageId.MAX).endId(StreamMessageId.MIN).count(1));
        for (StreamGroup group : stream.listGroups()) {
            if (group.getName().equals(GroupNames.GROUP)) {
                return last.isEmpty() || last.keySet().iterator().next().equals(group.getLastDeliveredId());
            }
        }
        return false;
    }

    /** The dead letters' fields, oldest first. */
    static List<Map<String, String>> deadLetters(RedissonClient redis, RedlineKeys keys) {
        return new ArrayList<>(redis.<String, String>getStream(keys.eventDeadLetters(), RedisCodecs.STRING)
                .range(StreamRangeArgs.startId(StreamMessageId.MIN).endId(StreamMessageId.MAX)).values());
    }

    static void assertMatches(RedissonClient redis, RedlineKeys keys, SimulatedOrders orders) {
        List<String> ids = new ArrayList<>(orders.totals().keySet());
        RBatch batch = redis.createBatch();
        ids.forEach(id -> batch.<String, String>getMap(keys.orderProjection(id), RedisCodecs.STRING).readAllMapAsync());
        BatchResult<?> projections = batch.execute();
        for (int i = 0; i < ids.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, String> projection = (Map<String, String>) projections.getResponses().get(i);
            String id = ids.get(i);
            assertEquals("shipped", projection.get("status"), id + " " + projection);
            assertEquals(String.valueOf(orders.totals().get(id)), projection.get("total"), id + " " + projection);
            assertEquals(5, projection.size(), id + " has status, total, createdAt, paidAt, shippedAt: " + projection);
        }
        Map<LocalDate, Long> revenue = new TreeMap<>();
        for (LocalDate day : orders.revenueCents().keySet()) {
            revenue.put(day, Long.parseLong((String) redis.getBucket(keys.dailyRevenueCents(day), RedisCodecs.STRING)
                    .get()));
        }
        assertEquals(orders.revenueCents(), revenue, "revenue per day, to the cent");
        Map<String, Long> units = new HashMap<>();
        for (ScoredEntry<String> entry : redis.<String>getScoredSortedSet(keys.unitsSold(), RedisCodecs.STRING)
                .entryRange(0, -1)) {
            units.put(entry.getValue(), Math.round(entry.getScore()));
        }
        assertEquals(orders.units(), units, "units sold per product");
        assertEquals(0, ConsumerGroup.stream(redis, keys).getPendingInfo(GroupNames.GROUP).getTotal());
    }
}
