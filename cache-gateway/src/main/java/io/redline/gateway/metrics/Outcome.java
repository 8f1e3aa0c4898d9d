package io.redline.gateway.metrics;

import java.util.Locale;

/** How a request ended, one meter each. */
public enum Outcome {
    HIT, STALE, MISS,
    /** Served from the origin without the cache: not cacheable, or not a GET/HEAD, or Authorization. */
    PASS,
    /** Refused by the rate limiter (429). */
    DENIED,
    /** Origin unreachable (502). */
    BAD_GATEWAY,
    /** Origin too slow (504). */
    GATEWAY_TIMEOUT,
    /** The origin's own 5xx, relayed. */
    ORIGIN_ERROR;

    public String metricName() {
        return MetricNames.REQUESTS + "." + name().toLowerCase(Locale.ROOT);
    }
}
