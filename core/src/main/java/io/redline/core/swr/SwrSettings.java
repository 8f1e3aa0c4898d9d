package io.redline.core.swr;

import io.redline.core.keys.KeyRule;
import java.time.Duration;

/**
 * One cache.
 *
 * @param name part of every key ({@code swr:<name>:...}), so that several caches share a Redis
 * @param defaultPolicy the TTLs of calls that give none
 * @param loadTimeout how long a load may take, and how long a caller waits for another caller's load; the load
 *                    lock lives {@link #lockTtl()}, a little longer, so that it outlives a load that times out
 * @param redisTimeout how long a lookup may wait for Redis before it fails (so that a caller can fall back to the
 *                     origin instead of waiting out the Redis client's retries)
 */
public record SwrSettings(String name, SwrPolicy defaultPolicy, Duration loadTimeout, Duration redisTimeout) {

    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofMillis(500);
    private static final Duration LOCK_MARGIN = Duration.ofSeconds(5);

    public SwrSettings {
        KeyRule.identifier("cache name").check(name);
        if (defaultPolicy == null) {
            throw new IllegalArgumentException("defaultPolicy must be set, but was null");
        }
        if (loadTimeout == null || loadTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("loadTimeout must be at least 1ms, but was " + loadTimeout);
        }
        if (redisTimeout == null || redisTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("redisTimeout must be at least 1ms, but was " + redisTimeout);
        }
    }

    public SwrSettings(String name, SwrPolicy defaultPolicy, Duration loadTimeout) {
        this(name, defaultPolicy, loadTimeout, DEFAULT_REDIS_TIMEOUT);
    }

    public Duration lockTtl() {
        return loadTimeout.plus(LOCK_MARGIN);
    }
}
