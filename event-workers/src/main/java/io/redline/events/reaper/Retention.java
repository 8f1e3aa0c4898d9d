package io.redline.events.reaper;

import io.redline.events.consumer.GroupNames;
import java.time.Clock;
import java.util.Map;
import org.redisson.api.RStream;
import org.redisson.api.stream.PendingResult;
import org.redisson.api.stream.StreamGroup;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.api.stream.StreamTrimArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trims the stream to {@code STREAM_RETENTION} with {@code XTRIM MINID}, the bound lowered to the oldest entry
 * still pending in the group and to the first entry not yet delivered to it. A length limit trims at most
 * {@value #PAGE} entries per round, so that a round stays short.
 */
public final class Retention implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int PAGE = 10_000;

    private final RStream<String, String> stream;
    private final StreamRetention retention;
    private final Clock clock;

    public Retention(RStream<String, String> stream, StreamRetention retention, Clock clock) {
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
        PendingResult pending = stream.getPendingInfo(GroupNames.GROUP);
        if (pending.getTotal() > 0 && pending.getLowestId() != null) {
            bound = min(bound, pending.getLowestId());
        }
        for (StreamGroup group : stream.listGroups()) {
            if (GroupNames.GROUP.equals(group.getName())) {
                bound = min(bound, next(group.getLastDeliveredId()));
            }
        }
        long trimmed = stream.trim(StreamTrimArgs.minId(bound).noLimit());
        if (trimmed > 0) {
            LOG.info("Retention trimmed {} entries below {}", trimmed, bound);
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
        return last == null ? null : next(last);
    }

    private static StreamMessageId next(StreamMessageId id) {
        return new StreamMessageId(id.getId0(), id.getId1() + 1);
    }

    private static StreamMessageId min(StreamMessageId a, StreamMessageId b) {
        int first = Long.compare(a.getId0(), b.getId0());
        return (first != 0 ? first : Long.compare(a.getId1(), b.getId1())) <= 0 ? a : b;
    }
}
