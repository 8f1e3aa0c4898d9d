package io.redline.events.reaper;

import io.redline.core.redis.RedisScript;
import io.redline.events.consumer.GroupNames;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes members idle longer than {@code CONSUMER_EXPIRY}, but only those with no pending entries: deleting a
 * consumer deletes its pending entries with it. Those it still holds are taken over by the reaper first (they
 * are idle too), and the consumer goes on a later round.
 */
public final class ConsumerJanitor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerJanitor.class);
    private static final RedisScript REMOVE = RedisScript.fromResource(ConsumerJanitor.class,
            "remove_idle_consumer.lua");

    private final RedissonClient redis;
    private final RStream<String, String> stream;
    private final Duration expiry;
    private final Set<String> own;

    /** @param own this process's consumers, never removed by it */
    public ConsumerJanitor(RedissonClient redis, RStream<String, String> stream, Duration expiry, Set<String> own) {
        this.redis = redis;
        this.stream = stream;
        this.expiry = expiry;
        this.own = Set.copyOf(own);
    }

    @Override
    public void run() {
        for (StreamConsumer consumer : stream.listConsumers(GroupNames.GROUP)) {
            if (own.contains(consumer.getName()) || consumer.getIdleTime() < expiry.toMillis()) {
                continue;
            }
            if (consumer.getPending() > 0) {
                LOG.info("Consumer {} is idle but holds {} entries; it is removed once they are claimed",
                        consumer.getName(), consumer.getPending());
                continue;
            }
            long removed = REMOVE.<Long>call(redis, RScript.Mode.READ_WRITE, RScript.ReturnType.LONG,
                    List.of(stream.getName()), GroupNames.GROUP, consumer.getName()).toCompletableFuture().join();
            if (removed >= 0) {
                LOG.info("Removed consumer {}, idle for {} ms", consumer.getName(), consumer.getIdleTime());
            }
        }
    }
}
