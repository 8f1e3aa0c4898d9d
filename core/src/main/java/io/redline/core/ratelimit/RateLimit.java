package io.redline.core.ratelimit;

import io.redline.core.config.Durations;
import java.time.Duration;

/**
 * At most {@code limit} request units in any {@code window}.
 *
 * @param limit units allowed per window, at least 1
 * @param window the sliding window, at least 1 ms
 */
public record RateLimit(int limit, Duration window) {

    public RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be > 0, but was " + limit);
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1ms, but was " + window);
        }
    }

    @Override
    public String toString() {
        return limit + "/" + Durations.format(window);
    }
}
