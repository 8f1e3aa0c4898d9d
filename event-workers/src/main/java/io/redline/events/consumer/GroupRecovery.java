package io.redline.events.consumer;

import io.redline.core.keys.RedlineKeys;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the consumer group back when Redis has lost it: the stream was deleted, a {@code FLUSHALL}, a restart
 * without persistence, a failover to a replica that never had the group. Every {@code XREADGROUP} and
 * {@code XAUTOCLAIM} then fails with {@code NOGROUP}; the first member to see it re-creates the group (at id 0,
 * with {@code MKSTREAM}), which is counted and logged once, and every member goes on.
 */
public final class GroupRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(GroupRecovery.class);

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final WorkerEvents events;

    public GroupRecovery(RedissonClient redis, RedlineKeys keys, WorkerEvents events) {
        this.redis = redis;
        this.keys = keys;
        this.events = events;
    }

    /**
     * Runs a group command; if Redis answers {@code NOGROUP}, re-creates the group and returns {@code ifRecreated}
     * (a new group holds nothing: nothing pending, nothing to claim).
     */
    public <T> T call(Supplier<T> command, T ifRecreated) {
        try {
            return command.get();
        } catch (RedisException e) {
            if (!isMissingGroup(e)) {
                throw e;
            }
            if (ConsumerGroup.ensure(redis, keys)) {
                LOG.warn("The consumer group {} of {} was missing (the stream was deleted or Redis lost its data);"
                        + " re-created it at id 0", GroupNames.GROUP, keys.eventStream());
                events.groupRecreated();
            }
            return ifRecreated;
        }
    }

    static boolean isMissingGroup(RedisException e) {
        return e.getMessage() != null && e.getMessage().contains("NOGROUP");
    }
}
