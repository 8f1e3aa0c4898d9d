package io.redline.core.swr;

import java.time.Duration;

/**
 * The times of one loaded value, when its origin says them (an HTTP response's {@code Cache-Control}, say) instead
 * of the call's {@link SwrPolicy}: every duration counts from when the origin produced the value, which was
 * {@code age} before it was loaded. The policy's jitter still applies, and only ever shortens them.
 *
 * @param age how old the value already was when it was loaded (an HTTP {@code Age})
 * @param fresh how long after it was produced it is served without a refresh; 0 for "revalidate every time"
 * @param stale how long after it was produced it is kept at all (served stale while refreshed after {@code fresh})
 */
public record Lifetime(Duration age, Duration fresh, Duration stale) {

    public Lifetime {
        if (age == null || age.isNegative()) {
            throw new IllegalArgumentException("age must be 0 or more, but was " + age);
        }
        if (fresh == null || fresh.isNegative()) {
            throw new IllegalArgumentException("fresh must be 0 or more, but was " + fresh);
        }
        if (stale == null || stale.compareTo(fresh) < 0) {
            throw new IllegalArgumentException("stale must be >= fresh (" + fresh + "), but was " + stale);
        }
    }

    /** The policy's TTLs, for a value produced just now. */
    public static Lifetime of(SwrPolicy policy) {
        return new Lifetime(Duration.ZERO, policy.fresh(), policy.stale());
    }
}
