package io.redline.events.reaper;

import io.redline.core.redis.RedisScript;
import io.redline.events.consumer.GroupNames;
import io.redline.events.consumer.StreamIds;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trims the stream to {@code STREAM_RETENTION} with {@code XTRIM MINID}, the bound lowered to the oldest entry
 * still pending in the group and to the first entry not yet delivered to it; both are read, and the stream trimmed,
 * in one script, so that no consumer's read can slip in between. A length limit trims at most {@value #PAGE}
 * entries per round, so that a round stays short.
 */
public final class StreamTrimmer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTrimmer.class);
    private static final int PAGE = 10_000;
    private static final RedisScript TRIM_BELOW = RedisScript.fromResource(StreamTrimmer.class, "trim_below.lua");

    private final RedissonClient redis;
    private final RStream<String, String> stream;
    private final StreamRetention retention;
    private final Clock clock;

    public StreamTrimmer(RedissonClient redis, RStream<String, String> stream, StreamRetention retention, Clock clock) {
        this.redis = redis;
        this.stream = stream;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void run() {
        if (retention.keepsAll()) {
            return;
        }
        StreamMessageId bound = wanted();
        if (bound == null) {
            return;
        }
        Long trimmed = TRIM_BELOW.<Long>call(redis, RScript.Mode.READ_WRITE, RScript.ReturnType.LONG,
                List.of(stream.getName()), GroupNames.GROUP, bound.toString()).toCompletableFuture().join();
        if (trimmed != null && trimmed > 0) {
            LOG.info("StreamTrimmer trimmed {} entries below {}", trimmed, bound);
        }
    }

    /** The first id to keep by the policy alone, or null when nothing is to go. */
    private StreamMessageId wanted() {
        if (retention.maxAge() != null) {
            return new StreamMessageId(clock.millis() - retention.maxAge().toMillis(), 0);
        }
        long excess = stream.size() - retention.maxLength();
        if (excess <= 0) {
            return null;
        }
        Map<StreamMessageId, Map<String, String>> oldest = stream.range(StreamRangeArgs.startId(StreamMessageId.MIN)
                .endId(StreamMessageId.MAX).count((int) Math.min(excess, PAGE)));
        StreamMessageId last = null;
        for (StreamMessageId id : oldest.keySet()) {
            last = id;
        }
        return last == null ? null : StreamIds.next(last);
    }
}
