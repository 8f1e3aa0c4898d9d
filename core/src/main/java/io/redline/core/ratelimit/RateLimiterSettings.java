package io.redline.core.ratelimit;

import io.redline.core.keys.KeyRule;
import java.time.Duration;
import java.util.List;

/**
 * How one limiter decides.
 *
 * @param scope what is limited, part of the key ({@code gateway}, {@code chat-send})
 * @param limits one or more limits that must all have room (e.g. 100/1m and 1000/1h)
 * @param failMode the answer when Redis cannot be asked within {@code timeout}
 * @param timeout how long a decision may wait for Redis
 */
public record RateLimiterSettings(String scope, List<RateLimit> limits, FailMode failMode, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    public RateLimiterSettings {
        KeyRule.identifier("scope").check(scope);
        limits = List.copyOf(limits);
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("limits must hold at least one limit, but was empty");
        }
        if (failMode == null) {
            throw new IllegalArgumentException("failMode must be set, but was null");
        }
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1ms, but was " + timeout);
        }
    }

    public static RateLimiterSettings of(String scope, RateLimit... limits) {
        return new RateLimiterSettings(scope, List.of(limits), FailMode.OPEN, DEFAULT_TIMEOUT);
    }

    public RateLimiterSettings withFailMode(FailMode mode) {
        return new RateLimiterSettings(scope, limits, mode, timeout);
    }

    int smallestLimit() {
        return limits.stream().mapToInt(RateLimit::limit).min().orElseThrow();
    }
}
