package io.redline.core.ratelimit;

/** What the limiter reports; the process registers these as metrics at its edge. */
public interface RateLimiterEvents {

    RateLimiterEvents NONE = new RateLimiterEvents() {
    };

    default void allowed() {
    }

    default void denied() {
    }

    /** Redis could not be asked; {@code mode} decided. */
    default void redisUnavailable(FailMode mode) {
    }
}
