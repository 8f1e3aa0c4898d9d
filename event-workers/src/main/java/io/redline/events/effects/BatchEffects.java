package io.redline.events.effects;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.ReplicaWait;
import io.redline.core.redis.ScriptPipeline;
import io.redline.core.redis.RedisScript;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;

/**
 * Stores a batch's effects in two pipelines. First every event's projection, each script answered on its own, so
 * that one bad key fails its own event only; then the aggregates of the events whose projection was stored (one
 * script per day for revenue and one per day for units, whatever the batch's size), so that an event that failed
 * is not counted. An aggregate that fails fails the events it holds; their projections, being idempotent, are
 * simply written again when they are retried or re-queued.
 *
 * <p>With a {@link ReplicaWait}, an entry counts as stored only once the masters of all its keys have passed its
 * effects on to their replicas (a {@code WAIT} after each master's share of each pipeline): on a Cluster its
 * {@code XACK} lives on another master, and an effect lost in a failover after the {@code XACK} was stored would
 * never be applied again. An entry not confirmed in time stays pending and is applied again later, which changes
 * nothing that was already stored.
 */
public final class BatchEffects {

    /** How long after its day an order is remembered as counted; an event delivered again later would count again. */
    public static final Duration COUNTED_FOR = Duration.ofDays(8);
    /** How long after its day a day's revenue is kept. */
    public static final Duration REVENUE_KEPT = Duration.ofDays(400);

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final Clock clock;
    private final ReplicaWait replicas;

    public BatchEffects(RedissonClient redis, RedlineKeys keys, Clock clock) {
        this(redis, keys, clock, ReplicaWait.NONE);
    }

    /** @param replicas what the masters of an entry's keys must confirm before the entry counts as stored */
    public BatchEffects(RedissonClient redis, RedlineKeys keys, Clock clock, ReplicaWait replicas) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        this.replicas = replicas;
    }

    public EffectResults store(Map<StreamMessageId, EntryEffects> entries) {
        EffectResults results = new EffectResults();
        ScriptPipeline<StreamMessageId> projections = new ScriptPipeline<>(redis);
        entries.forEach((id, effects) -> {
            results.stored(id);
            EntryEffects.Projection projection = effects.projection();
            if (projection != null) {
                projections.add(id, OrderEffects.ORDER, List.of(projection.key(keys)),
                        List.of(projection.status(), String.valueOf(projection.timestamp()),
                                String.valueOf(projection.totalCents())));
            }
        });
        projections.execute(replicas).forEach((id, reply) -> {
            if (!reply.ok()) {
                results.failed(id, entries.get(id).projection().key(keys), reply);
            }
        });
        aggregates(entries, results);
        return results;
    }

    private void aggregates(Map<StreamMessageId, EntryEffects> entries, EffectResults results) {
        Map<String, Aggregate> aggregates = new LinkedHashMap<>();
        for (StreamMessageId id : results.stored()) {
            EntryEffects effects = entries.get(id);
            EntryEffects.Revenue revenue = effects.revenue();
            if (revenue != null) {
                aggregates.computeIfAbsent(revenue.ordersKey(keys), key -> new Aggregate(
                        OrderEffects.REVENUE_ONCE, List.of(key, revenue.centsKey(keys)),
                        expiry(revenue.day(), COUNTED_FOR), expiry(revenue.day(), REVENUE_KEPT)))
                        .add(id, revenue.orderId(), String.valueOf(revenue.cents()));
            }
            EntryEffects.Units units = effects.units();
            if (units != null) {
                List<String> args = new ArrayList<>(units.lines().size() + 2);
                args.add(units.orderId());
                args.add(String.valueOf(units.lines().size() / 2));
                args.addAll(units.lines());
                aggregates.computeIfAbsent(units.ordersKey(keys), key -> new Aggregate(
                        OrderEffects.UNITS_ONCE, List.of(key, units.soldKey(keys)), expiry(units.day(), COUNTED_FOR)))
                        .add(id, args.toArray(new String[0]));
            }
        }
        ScriptPipeline<String> pipeline = new ScriptPipeline<>(redis);
        aggregates.forEach((key, aggregate) -> pipeline.add(key, aggregate.script, aggregate.keys, aggregate.args));
        pipeline.execute(replicas).forEach((key, reply) -> {
            if (!reply.ok()) {
                aggregates.get(key).entries.forEach(id -> results.failed(id, key, reply));
            }
        });
    }

    /**
     * When a key of {@code day} expires: {@code after} the day's end, and never sooner than {@link #COUNTED_FOR}
     * from now, so that old events (a replay, a re-queued dead letter) are still counted once.
     */
    private String expiry(LocalDate day, Duration after) {
        Instant byDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(after);
        Instant byNow = clock.instant().plus(COUNTED_FOR);
        return String.valueOf((byDay.isAfter(byNow) ? byDay : byNow).toEpochMilli());
    }

    /** One aggregate script call and the entries whose events it counts. */
    private static final class Aggregate {

        final RedisScript script;
        final List<String> keys;
        final List<String> args = new ArrayList<>();
        final List<StreamMessageId> entries = new ArrayList<>();

        Aggregate(RedisScript script, List<String> keys, String... leading) {
            this.script = script;
            this.keys = keys;
            this.args.addAll(List.of(leading));
        }

        Aggregate add(StreamMessageId entry, String... values) {
            entries.add(entry);
            args.addAll(List.of(values));
            return this;
        }
    }
}
