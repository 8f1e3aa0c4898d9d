package io.redline.stats.dashboard;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.OwnerLock;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.redisson.api.RedissonClient;

/**
 * One scheduled run: under a short lock in Redis (so that two runs never overlap, wherever they start), read
 * the dashboard in one pipeline and store it.
 */
public final class DashboardRun {

    private final DashboardReader reader;
    private final DashboardStore store;
    private final OwnerLock lock;
    private final RedlineKeys keys;
    private final Duration lockTtl;

    /** @param lockTtl how long a run may hold the lock: longer than a run, shorter than the interval */
    public DashboardRun(RedissonClient redis, RedlineKeys keys, Clock clock, Duration lockTtl) {
        this.reader = new DashboardReader(redis, keys, clock);
        this.store = new DashboardStore(redis, keys);
        this.lock = new OwnerLock(redis);
        this.keys = keys;
        this.lockTtl = lockTtl;
    }

    /** @return the dashboard, or empty when another run holds the lock */
    public Optional<Dashboard> run() {
        Optional<String> token = lock.tryAcquire(keys.dashboardLock(), lockTtl).toCompletableFuture().join();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            Dashboard dashboard = reader.pipelined();
            store.save(dashboard);
            return Optional.of(dashboard);
        } finally {
            lock.release(keys.dashboardLock(), token.get()).toCompletableFuture().join();
        }
    }
}
