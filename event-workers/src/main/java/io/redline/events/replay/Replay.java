package io.redline.events.replay;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisScript;
import io.redline.core.redis.ScriptPipeline;
import io.redline.core.redis.ScriptReply;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.StreamIds;
import io.redline.events.effects.BatchEffects;
import io.redline.events.effects.EffectResults;
import io.redline.events.effects.EntryEffects;
import io.redline.events.effects.OrderEffects;
import io.redline.events.event.EventParser;
import io.redline.events.event.PoisonEventException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamInfo;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds every projection and aggregate from the start of the stream into scratch keys ({@code ~replay:...}, in
 * the live keys' slots), renames them over the live keys, then applies once more, to the live keys, whatever
 * arrived during the replay; effects are idempotent, so the workers running meanwhile do no harm. Events are applied
 * with their own timestamps, so the figures come out as the first time. A stream that lost entries (trimmed by
 * {@code STREAM_RETENTION}, or deleted) would rebuild totals without them and shrink the live ones: that is refused
 * unless the caller accepts it.
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final int PAGE = 1_000;
    private static final RedisScript RENAME_OVER = RedisScript.fromResource(Replay.class, "rename_over.lua");

    private final RedissonClient redis;
    private final RedlineKeys live;
    private final RedlineKeys fresh;
    private final Clock clock;

    public Replay(RedissonClient redis, RedlineKeys live, Clock clock) {
        this.redis = redis;
        this.live = live;
        this.clock = clock;
        this.fresh = live.scratch("replay");
    }

    /**
     * @param progress told (entries done, entries in all) after every page
     * @param overTrimmedHistory whether to replay a stream that lost entries
     * @return the entries replayed
     * @throws TrimmedHistoryException when the stream lost entries and {@code overTrimmedHistory} is false
     */
    public long run(BiConsumer<Long, Long> progress, boolean overTrimmedHistory) {
        RStream<String, String> stream = ConsumerGroup.stream(redis, live);
        if (!stream.isExists()) {
            return 0;
        }
        StreamInfo<String, String> info = stream.getInfo();
        long lost = (long) info.getEntriesAdded() - info.getLength();
        if (lost > 0 && !overTrimmedHistory) {
            throw new TrimmedHistoryException(lost, info.getEntriesAdded());
        }
        if (info.getEntriesAdded() == 0 && info.getLength() > 0) {
            LOG.warn("This Redis (before 7.0) does not count the entries written to a stream, so the replay cannot"
                    + " tell whether some were trimmed or deleted; if they were, their totals vanish from the live"
                    + " keys");
        }
        redis.getKeys().deleteByPattern(fresh.scratchPattern());
        Map<StreamMessageId, Map<String, String>> last = stream.rangeReversed(StreamRangeArgs.startId(
                StreamMessageId.MAX).endId(StreamMessageId.MIN).count(1));
        if (last.isEmpty()) {
            return 0;
        }
        StreamMessageId snapshot = last.keySet().iterator().next();
        long total = stream.size();
        Set<EntryEffects> touched = new LinkedHashSet<>();
        long done = apply(stream, StreamMessageId.MIN, snapshot, fresh, touched,
                count -> progress.accept(count, total));
        switchOver(touched);
        apply(stream, StreamIds.next(snapshot), StreamMessageId.MAX, live, new LinkedHashSet<>(), count -> { });
        return done;
    }

    private long apply(RStream<String, String> stream, StreamMessageId from, StreamMessageId to,
                       RedlineKeys target, Set<EntryEffects> touched, LongConsumer progress) {
        OrderEffects handler = new OrderEffects();
        BatchEffects effects = new BatchEffects(redis, target, clock);
        long done = 0;
        StreamMessageId start = from;
        while (true) {
            Map<StreamMessageId, Map<String, String>> page = stream.range(StreamRangeArgs.startId(start).endId(to)
                    .count(PAGE));
            if (page.isEmpty()) {
                return done;
            }
            Map<StreamMessageId, EntryEffects> batch = new LinkedHashMap<>();
            StreamMessageId lastId = null;
            for (Map.Entry<StreamMessageId, Map<String, String>> entry : page.entrySet()) {
                lastId = entry.getKey();
                try {
                    EntryEffects entryEffects = new EntryEffects();
                    handler.apply(EventParser.parse(entry.getValue()), entryEffects);
                    batch.put(entry.getKey(), entryEffects);
                } catch (PoisonEventException e) {
                    // poison changes nothing; it is in the dead letters already
                }
            }
            EffectResults results = effects.store(batch);
            if (!results.refused().isEmpty() || !results.failed().isEmpty()) {
                Map<StreamMessageId, String> failures = new LinkedHashMap<>(results.refused());
                failures.putAll(results.failed());
                Map.Entry<StreamMessageId, String> first = failures.entrySet().iterator().next();
                throw new IllegalStateException("replay stopped: " + failures.size() + " entries could not be stored"
                        + " (first: " + first.getKey() + " " + first.getValue() + "); the live keys are unchanged");
            }
            touched.addAll(batch.values());
            done += page.size();
            progress.accept(done);
            if (page.size() < PAGE) {
                return done;
            }
            start = StreamIds.next(lastId);
        }
    }

    private void switchOver(Set<EntryEffects> touched) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (EntryEffects effects : touched) {
            List<String> rebuilt = effects.keys(fresh);
            List<String> current = effects.keys(live);
            for (int i = 0; i < rebuilt.size(); i++) {
                pairs.add(List.of(rebuilt.get(i), current.get(i)));
            }
        }
        List<List<String>> all = new ArrayList<>(pairs);
        for (int from = 0; from < all.size(); from += PAGE) {
            ScriptPipeline<List<String>> renames = new ScriptPipeline<>(redis);
            all.subList(from, Math.min(all.size(), from + PAGE)).forEach(pair -> renames.add(pair, RENAME_OVER,
                    pair, List.of()));
            for (Map.Entry<List<String>, ScriptReply> reply : renames.execute().entrySet()) {
                if (!reply.getValue().ok()) {
                    throw new IllegalStateException("replay could not put " + reply.getKey().get(0) + " over "
                            + reply.getKey().get(1) + ": " + reply.getValue().describe());
                }
            }
        }
    }
}
