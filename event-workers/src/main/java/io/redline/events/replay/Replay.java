package io.redline.events.replay;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.effects.BatchEffects;
import io.redline.events.effects.OrderEffects;
import io.redline.events.event.EventParser;
import io.redline.events.event.EventType;
import io.redline.events.event.OrderEvent;
import io.redline.events.event.PoisonEventException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.redisson.api.RBatch;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;

/**
 * Rebuilds every projection and aggregate from the start of the stream into fresh keys (the namespace
 * {@code replay}, or {@code <ns>.replay}), renames them over the live keys (same slot, so each rename is atomic
 * and works on a cluster), then applies once more, to the live keys, whatever arrived during the replay; effects
 * are idempotent, so the workers running meanwhile do no harm. Events are applied with their own timestamps, so
 * the figures come out as the first time.
 */
public final class Replay {

    private static final int PAGE = 1_000;

    private final RedissonClient redis;
    private final RedlineKeys live;
    private final RedlineKeys fresh;

    public Replay(RedissonClient redis, RedlineKeys live) {
        this.redis = redis;
        this.live = live;
        String namespace = live.namespace().name();
        this.fresh = new RedlineKeys(new KeyNamespace(namespace.isEmpty() ? "replay" : namespace + ".replay"));
    }

    /**
     * @param progress told (entries done, entries in all) after every page
     * @return the entries replayed
     */
    public long run(BiConsumer<Long, Long> progress) {
        redis.getKeys().deleteByPattern(fresh.namespace().name() + ":*");
        RStream<String, String> stream = ConsumerGroup.stream(redis, live);
        Map<StreamMessageId, Map<String, String>> last = stream.rangeReversed(StreamRangeArgs.startId(
                StreamMessageId.MAX).endId(StreamMessageId.MIN).count(1));
        if (last.isEmpty()) {
            return 0;
        }
        StreamMessageId snapshot = last.keySet().iterator().next();
        long total = stream.size();
        Touched touched = new Touched();
        long done = apply(stream, StreamMessageId.MIN, snapshot, fresh, touched,
                count -> progress.accept(count, total));
        switchOver(touched);
        apply(stream, next(snapshot), StreamMessageId.MAX, live, new Touched(), count -> { });
        return done;
    }

    private long apply(RStream<String, String> stream, StreamMessageId from, StreamMessageId to,
                       RedlineKeys target, Touched touched, LongConsumer progress) {
        OrderEffects effects = new OrderEffects();
        long done = 0;
        StreamMessageId start = from;
        while (true) {
            Map<StreamMessageId, Map<String, String>> page = stream.range(StreamRangeArgs.startId(start).endId(to)
                    .count(PAGE));
            if (page.isEmpty()) {
                return done;
            }
            BatchEffects batch = new BatchEffects(redis, target);
            StreamMessageId lastId = null;
            for (Map.Entry<StreamMessageId, Map<String, String>> entry : page.entrySet()) {
                lastId = entry.getKey();
                try {
                    OrderEvent event = EventParser.parse(entry.getValue());
                    effects.apply(event, batch);
                    touched.add(event);
                } catch (PoisonEventException e) {
                    // poison changes nothing; it is in the dead letters already
                }
            }
            batch.execute();
            done += page.size();
            progress.accept(done);
            if (page.size() < PAGE) {
                return done;
            }
            start = next(lastId);
        }
    }

    private void switchOver(Touched touched) {
        RBatch batch = redis.createBatch();
        int queued = 0;
        for (String orderId : touched.orders) {
            batch.getBucket(fresh.orderProjection(orderId)).renameAsync(live.orderProjection(orderId));
            if (++queued % PAGE == 0) {
                batch.execute();
                batch = redis.createBatch();
            }
        }
        for (LocalDate day : touched.revenueDays) {
            batch.getBucket(fresh.dailyRevenueCents(day)).renameAsync(live.dailyRevenueCents(day));
            batch.getBucket(fresh.dailyRevenueOrders(day)).renameAsync(live.dailyRevenueOrders(day));
        }
        if (touched.units) {
            batch.getBucket(fresh.unitsSold()).renameAsync(live.unitsSold());
            batch.getBucket(fresh.unitsSoldOrders()).renameAsync(live.unitsSoldOrders());
        }
        batch.execute();
    }

    private static StreamMessageId next(StreamMessageId id) {
        return new StreamMessageId(id.getId0(), id.getId1() + 1);
    }

    /** The keys a replay wrote, to be renamed over the live ones. */
    private static final class Touched {

        final Set<String> orders = new HashSet<>();
        final Set<LocalDate> revenueDays = new HashSet<>();
        boolean units;

        void add(OrderEvent event) {
            orders.add(event.orderId());
            if (event.type() == EventType.PAID) {
                revenueDays.add(Instant.ofEpochMilli(event.timestamp()).atZone(ZoneOffset.UTC).toLocalDate());
            } else if (event.type() == EventType.CREATED) {
                units = true;
            }
        }
    }
}
