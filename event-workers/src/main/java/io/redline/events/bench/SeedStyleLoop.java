package io.redline.events.bench;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.WorkerLoop;
import io.redline.events.consumer.GroupNames;
import io.redline.events.effects.BatchEffects;
import io.redline.events.effects.EntryEffects;
import io.redline.events.effects.OrderEffects;
import io.redline.events.event.EventParser;
import io.redline.events.event.PoisonEventException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;

/**
 * The baseline: the reference exercise's consumer loop, in Java with the same effects. It reads 5 entries at a
 * time and, for each, applies its effects and acknowledges it on their own (a round trip each), then looks for
 * pending entries with an XAUTOCLAIM of 5, as the reference does after every read.
 */
final class SeedStyleLoop extends WorkerLoop {

    private final RedissonClient redis;
    private final RStream<String, String> stream;
    private final RedlineKeys keys;
    private final OrderEffects effects = new OrderEffects();

    SeedStyleLoop(String consumer, RedissonClient redis, RStream<String, String> stream, RedlineKeys keys) {
        super(consumer, Duration.ofSeconds(1), Clock.systemUTC());
        this.redis = redis;
        this.stream = stream;
        this.keys = keys;
    }

    @Override
    protected void doWork() throws PoisonEventException {
        Map<StreamMessageId, Map<String, String>> entries = stream.readGroup(GroupNames.GROUP, name(),
                StreamReadGroupArgs.neverDelivered().count(5).timeout(Duration.ofSeconds(2)));
        for (Map.Entry<StreamMessageId, Map<String, String>> entry : entries.entrySet()) {
            EntryEffects one = new EntryEffects();
            effects.apply(EventParser.parse(entry.getValue()), one);
            new BatchEffects(redis, keys, Clock.systemUTC()).store(Map.of(entry.getKey(), one));
            stream.ack(GroupNames.GROUP, entry.getKey());
        }
        // as the reference loop: after every read, look for pending entries to take over
        stream.autoClaim(GroupNames.GROUP, name(), 60_000, TimeUnit.MILLISECONDS, new StreamMessageId(0, 0), 5);
    }
}
