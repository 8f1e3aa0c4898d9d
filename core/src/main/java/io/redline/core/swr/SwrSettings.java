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
 */
public record SwrSettings(String name, SwrPolicy defaultPolicy, Duration loadTimeout) {

    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LOCK_MARGIN = Duration.ofSeconds(5);

    public SwrSettings {
        KeyRule.identifier("cache name").check(name);
        if (defaultPolicy == null) {
            throw new IllegalArgumentException("defaultPolicy must be set, but was null");
        }
        if (loadTimeout == null || loadTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("loadTimeout must be at least 1ms, but was " + loadTimeout);
        }
    }

    public Duration lockTtl() {
        return loadTimeout.plus(LOCK_MARGIN);
    }
}
