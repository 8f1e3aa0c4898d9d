package io.redline.events.reaper;

import io.redline.core.lifecycle.WorkerLoop;
import io.redline.events.consumer.Redelivery;
import io.redline.events.consumer.GroupNames;
import io.redline.events.consumer.GroupRecovery;
import io.redline.events.consumer.WorkerEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.redisson.api.RStream;
import org.redisson.api.stream.AutoClaimResult;
import org.redisson.api.stream.StreamGroup;
import org.redisson.api.stream.StreamMessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over entries left pending longer than {@code CLAIM_IDLE} by any member (a crashed pod, a failing
 * handler): {@code XAUTOCLAIM} them to this process's reaper consumer, read their delivery counts
 * ({@code XPENDING}), dead-letter those delivered more than {@code MAX_DELIVERIES} times, process the rest. Ids
 * that {@code XAUTOCLAIM} reports as deleted are counted and logged. Then the group's housekeeping runs.
 */
public final class Reaper extends WorkerLoop {

    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    private static final int PAGE = 100;
    private static final StreamMessageId START = new StreamMessageId(0, 0);

    private final RStream<String, String> stream;
    private final Redelivery redelivery;
    private final ReaperSettings settings;
    private final List<Runnable> housekeeping;
    private final WorkerEvents events;
    private final DoubleSupplier random;
    private final GroupRecovery group;

    public Reaper(String consumer, RStream<String, String> stream, Redelivery redelivery, ReaperSettings settings,
                  List<Runnable> housekeeping, WorkerEvents events, GroupRecovery group, Clock clock,
                  DoubleSupplier random) {
        super(consumer, Duration.ofSeconds(1), clock);
        this.stream = stream;
        this.redelivery = redelivery;
        this.settings = settings;
        this.housekeeping = List.copyOf(housekeeping);
        this.events = events;
        this.random = random;
        this.group = group;
    }

    @Override
    protected void doWork() throws InterruptedException {
        reapOnce();
        housekeeping.forEach(Runnable::run);
        refreshFigures();
        // jitter, so that the reapers of many processes do not all run at the same moment
        long interval = settings.interval().toMillis();
        pause(Duration.ofMillis((long) (interval * (0.8 + 0.4 * random.getAsDouble()))));
    }

    /** One pass over the whole pending list. */
    public void reapOnce() {
        StreamMessageId cursor = START;
        do {
            StreamMessageId from = cursor;
            AutoClaimResult<String, String> claimed = group.call(() -> stream.autoClaim(GroupNames.GROUP, name(),
                    settings.claimIdle().toMillis(), TimeUnit.MILLISECONDS, from, PAGE), null);
            if (claimed == null) {
                return;
            }
            List<StreamMessageId> deleted = claimed.getDeletedIds();
            if (deleted != null && !deleted.isEmpty()) {
                LOG.warn("{} pending entries were deleted from the stream before they were processed: {}",
                        deleted.size(), deleted);
                events.deletedOnClaim(deleted.size());
            }
            Map<StreamMessageId, Map<String, String>> messages = claimed.getMessages();
            if (messages != null && !messages.isEmpty()) {
                events.reclaimed(messages.size());
                redelivery.handle(messages, name());
            }
            cursor = claimed.getNextId();
        } while (isRunning() && cursor != null && !START.equals(cursor));
    }

    private void refreshFigures() {
        for (StreamGroup group : stream.listGroups()) {
            if (GroupNames.GROUP.equals(group.getName())) {
                events.groupFigures(group.getPending(), group.getLag());
            }
        }
    }
}
