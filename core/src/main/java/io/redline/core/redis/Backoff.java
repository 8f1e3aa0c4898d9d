package io.redline.core.redis;

import java.time.Duration;

/**
 * Capped exponential backoff: {@code initial}, then times {@code multiplier} per attempt, never above {@code max}.
 *
 * @param initial the first delay
 * @param max the cap
 * @param multiplier growth per attempt, at least 1
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

    public static final Backoff REDIS_STARTUP = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5), 2.0);

    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial must be > 0, but was " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must be >= initial (" + initial + "), but was " + max);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be >= 1, but was " + multiplier);
        }
    }

    /** The delay after the given failed attempt (1 for the first). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, but was " + attempt);
        }
        double millis = initial.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
