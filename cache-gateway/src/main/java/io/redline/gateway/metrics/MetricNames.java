package io.redline.gateway.metrics;

/** Every metric of the gateway (exported on {@code /metrics} with dots turned into underscores). */
public final class MetricNames {

    /** Meter per outcome: {@code gateway.requests.<outcome>}. */
    public static final String REQUESTS = "gateway.requests";
    public static final String CACHE_HIT = "gateway.cache.hit";
    public static final String CACHE_STALE = "gateway.cache.stale";
    public static final String CACHE_MISS = "gateway.cache.miss";
    public static final String CACHE_LOADS = "gateway.cache.loads";
    public static final String CACHE_REFRESHES = "gateway.cache.refreshes";
    public static final String CACHE_REFRESH_FAILURES = "gateway.cache.refresh_failures";
    public static final String CACHE_LOCAL_HIT = "gateway.cache.local.hit";
    public static final String CACHE_LOCAL_MISS = "gateway.cache.local.miss";
    public static final String CACHE_LOCAL_EVICTIONS = "gateway.cache.local.evictions";
    public static final String CACHE_LOCAL_INVALIDATIONS = "gateway.cache.local.invalidations";
    /** Gauge: the bytes the near cache holds. */
    public static final String CACHE_LOCAL_BYTES = "gateway.cache.local.bytes";
    public static final String CACHE_UNAVAILABLE = "gateway.cache.redis_unavailable";
    public static final String ORIGIN_LATENCY = "gateway.origin.latency";
    public static final String LIMITER_ALLOWED = "gateway.limiter.allowed";
    public static final String LIMITER_DENIED = "gateway.limiter.denied";
    public static final String LIMITER_FAIL_OPEN = "gateway.limiter.fail_open";
    public static final String LIMITER_FAIL_CLOSED = "gateway.limiter.fail_closed";
    public static final String TRAFFIC_FLUSHED = "gateway.traffic.flushed";
    public static final String TRAFFIC_DROPPED = "gateway.traffic.dropped";

    private MetricNames() {
    }
}
