package io.redline.core.ratelimit;

/** What the limiter answers when Redis cannot be asked in time. */
public enum FailMode {
    /** Let the request through (the default: an outage of Redis should not become an outage of the service). */
    OPEN,
    /** Refuse the request. */
    CLOSED
}
