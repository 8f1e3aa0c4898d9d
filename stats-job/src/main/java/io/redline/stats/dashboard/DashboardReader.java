package io.redline.stats.dashboard;

import io.redline.core.keys.RedlineKeys;
import java.time.Clock;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * Reads the dashboard. {@link #pipelined()} sends every read in ONE pipeline (an {@code RBatch}, no MULTI: on
 * a cluster it spans slots and nodes); {@link #sequential()} sends the same reads one round trip each, for the
 * comparison. Missing keys read as zeros.
 */
public final class DashboardReader {

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final Clock clock;

    public DashboardReader(RedissonClient redis, RedlineKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @throws WrongTypeException naming a key that holds the wrong kind of value
     */
    public Dashboard pipelined() {
        DashboardSources sources = new DashboardSources(keys, clock.instant());
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        Replies replies = Replies.send(sources.all(), Reads.into(batch));
        try {
            batch.execute();
        } catch (RedisException e) {
            throw new SourceTypes(redis).explain(sources, e);
        }
        return sources.dashboard(replies);
    }

    /** The same reads, awaited one after the other. */
    public Dashboard sequential() {
        DashboardSources sources = new DashboardSources(keys, clock.instant());
        Replies replies;
        try {
            replies = Replies.send(sources.all(), Reads.oneByOne(redis));
        } catch (RuntimeException e) {
            throw new SourceTypes(redis).explain(sources, e);
        }
        return sources.dashboard(replies);
    }

    /** @return how many reads make one dashboard (each a round trip when sequential) */
    public int readsPerDashboard() {
        return new DashboardSources(keys, clock.instant()).all().size();
    }
}
