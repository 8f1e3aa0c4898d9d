package io.redline.events.consumer;

import io.redline.core.lifecycle.WorkerLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the group, {@code <HOSTNAME>-<n>}. It first finishes its own pending entries (read from id 0:
 * a restarted pod with the same name picks up what it held), then reads new ones ({@code >}) in batches with a
 * short {@code BLOCK}, so that a stop is noticed within that time; the batch in hand is always finished and
 * acknowledged before the loop ends.
 */
public final class MemberLoop extends WorkerLoop {

    private static final Logger LOG = LoggerFactory.getLogger(MemberLoop.class);

    /** The longest a read blocks: bounds how long a stop waits. */
    public static final Duration BLOCK = Duration.ofSeconds(2);

    private final RStream<String, String> stream;
    private final EntryProcessor processor;
    private final Redelivery redelivery;
    private final int batchSize;
    private final GroupRecovery group;

    public MemberLoop(String consumer, RStream<String, String> stream, EntryProcessor processor,
                      Redelivery redelivery, int batchSize, GroupRecovery group, Clock clock) {
        super(consumer, Duration.ofSeconds(1), clock);
        this.stream = stream;
        this.processor = processor;
        this.redelivery = redelivery;
        this.batchSize = batchSize;
        this.group = group;
    }

    /**
     * One pass over the entries this member held before, in id order: each page is read after the last one, so
     * that entries it cannot process now are left behind for the reaper (which retries them once idle) instead of
     * being read again and again; each read counts as a delivery, and past {@code MAX_DELIVERIES} they go to the
     * dead letters.
     */
    @Override
    protected void onStart() {
        int recovered = 0;
        StreamMessageId after = new StreamMessageId(0, 0);
        while (isRunning()) {
            Map<StreamMessageId, Map<String, String>> own = read(StreamReadGroupArgs.greaterThan(after)
                    .count(batchSize));
            if (own.isEmpty()) {
                break;
            }
            recovered += redelivery.handle(own, name());
            for (StreamMessageId id : own.keySet()) {
                after = StreamIds.max(after, id);
            }
            if (own.size() < batchSize) {
                break;
            }
        }
        if (recovered > 0) {
            LOG.info("{}: finished {} entries it held before", name(), recovered);
        }
    }

    @Override
    protected void doWork() {
        Map<StreamMessageId, Map<String, String>> batch = read(
                StreamReadGroupArgs.neverDelivered().count(batchSize).timeout(BLOCK));
        processor.process(batch, name(), Map.of());
    }

    private Map<StreamMessageId, Map<String, String>> read(StreamReadGroupArgs args) {
        return group.call(() -> stream.readGroup(GroupNames.GROUP, name(), args), Map.of());
    }
}
