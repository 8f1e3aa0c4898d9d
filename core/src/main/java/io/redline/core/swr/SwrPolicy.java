package io.redline.core.swr;

import java.time.Duration;

/**
 * The two TTLs of an entry.
 *
 * @param fresh how long a stored value is served without a refresh
 * @param stale how long it stays in Redis at all (served while refreshed in the background after {@code fresh})
 * @param jitter up to this fraction is added to both TTLs at random, so that keys written together do not expire
 *               together (0.05 = up to 5 %)
 */
public record SwrPolicy(Duration fresh, Duration stale, double jitter) {

    public static final double DEFAULT_JITTER = 0.05;

    public SwrPolicy {
        if (fresh == null || fresh.toMillis() < 1) {
            throw new IllegalArgumentException("fresh must be at least 1ms, but was " + fresh);
        }
        if (stale == null || stale.compareTo(fresh) < 0) {
            throw new IllegalArgumentException("stale must be >= fresh (" + fresh + "), but was " + stale);
        }
        if (!(jitter >= 0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("jitter must be from 0 to 0.5, but was " + jitter);
        }
    }

    public static SwrPolicy of(Duration fresh, Duration stale) {
        return new SwrPolicy(fresh, stale, DEFAULT_JITTER);
    }
}
