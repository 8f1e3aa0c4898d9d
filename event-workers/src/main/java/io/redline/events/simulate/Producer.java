package io.redline.events.simulate;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.events.event.EventFields;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.concurrent.TimeUnit;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;

/**
 * Writes events to {@code events:ecommerce} in pipelined batches, at a rate if asked; each entry carries the
 * {@code traceparent} of the span current when it is written, if there is one ({@link EventFields#traced}).
 */
public final class Producer {

    private static final int BATCH = 500;

    private final RedissonClient redis;
    private final RedlineKeys keys;

    public Producer(RedissonClient redis, RedlineKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** @param ratePerSecond 0 for as fast as possible */
    public void write(List<SimulatedEvent> events, int ratePerSecond) throws InterruptedException {
        write(events, ratePerSecond, written -> { });
    }

    /**
     * @param ratePerSecond 0 for as fast as possible
     * @param progress told how many events are written, after every pipeline
     */
    public void write(List<SimulatedEvent> events, int ratePerSecond, LongConsumer progress)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += BATCH) {
            RBatch batch = redis.createBatch(BatchOptions.defaults().skipResult());
            for (SimulatedEvent event : events.subList(from, Math.min(events.size(), from + BATCH))) {
                batch.<String, String>getStream(keys.eventStream(), RedisCodecs.STRING)
                        .addAsync(StreamAddArgs.entries(EventFields.traced(event.fields())));
            }
            batch.execute();
            progress.accept(Math.min(events.size(), from + BATCH));
            if (ratePerSecond > 0) {
                long due = start + TimeUnit.SECONDS.toNanos(Math.min(events.size(), from + BATCH)) / ratePerSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
    }
}
