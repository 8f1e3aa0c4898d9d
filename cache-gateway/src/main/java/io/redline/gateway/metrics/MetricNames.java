package io.redline.gateway.metrics;

import io.redline.core.metrics.Buckets;
import io.redline.core.metrics.Family;

/** Every metric family of the gateway, as exported on {@code /metrics} (documented in docs/cache-gateway.md). */
public final class MetricNames {

    public static final Family REQUESTS = Family.counter("redline_gateway_requests",
            "Requests the gateway answered, by how they ended (hit, stale, miss, pass, denied, bad_gateway, "
                    + "gateway_timeout, origin_error, shed).", "outcome");
    public static final Family REQUEST_DURATION = Family.histogram("redline_gateway_request_duration_seconds",
            "Time from a request's arrival until its answer was handed to the connection, by outcome.",
            Buckets.LATENCY, "outcome");
    public static final Family CACHE_LOOKUPS = Family.counter("redline_gateway_cache_lookups",
            "Lookups in the shared cache, by result (hit, stale, miss).", "result");
    public static final Family CACHE_LOADS = Family.counter("redline_gateway_cache_loads",
            "Origin responses loaded into the cache after a miss.");
    public static final Family CACHE_REFRESHES = Family.counter("redline_gateway_cache_refreshes",
            "Background refreshes of stale entries, by result (ok, not_modified, failed).", "result");
    public static final Family CACHE_LOCAL_LOOKUPS = Family.counter("redline_gateway_cache_local_lookups",
            "Lookups in this instance's near cache, by result (hit, miss); a miss goes on to Redis.", "result");
    public static final Family CACHE_LOCAL_EVICTIONS = Family.counter("redline_gateway_cache_local_evictions",
            "Entries the near cache dropped to stay within CACHE_LOCAL_MAX_BYTES.");
    public static final Family CACHE_LOCAL_INVALIDATIONS = Family.counter("redline_gateway_cache_local_invalidations",
            "Near-cache entries dropped because an instance stored or passed their key.");
    public static final Family CACHE_LOCAL_BYTES = Family.gauge("redline_gateway_cache_local_bytes",
            "Bytes of entries the near cache holds (their stored size).");
    public static final Family CACHE_REDIS_UNAVAILABLE = Family.counter("redline_gateway_cache_redis_unavailable",
            "Requests the origin answered directly because Redis could not be used for the cache.");
    public static final Family ORIGIN_DURATION = Family.histogram("redline_gateway_origin_duration_seconds",
            "Time the origin took to answer a call from the gateway.", Buckets.LATENCY);
    public static final Family LIMITER_DECISIONS = Family.counter("redline_gateway_limiter_decisions",
            "Rate limiter decisions, by decision (allowed, denied).", "decision");
    public static final Family LIMITER_REDIS_UNAVAILABLE = Family.counter(
            "redline_gateway_limiter_redis_unavailable",
            "Limiter calls Redis could not answer in time, by the fail mode applied (open, closed).", "fail_mode");
    public static final Family REDIS_PIPELINES = Family.counter("redline_gateway_redis_pipelines",
            "Pipelines the gateway sent to Redis, each carrying the limiter decisions and cache lookups that were "
                    + "waiting when it left.");
    public static final Family REDIS_PIPELINED_CALLS = Family.counter("redline_gateway_redis_pipelined_calls",
            "Limiter decisions and cache lookups sent in those pipelines (calls per pipeline: this over "
                    + "redline_gateway_redis_pipelines_total).");
    public static final Family TRAFFIC_EVENTS = Family.counter("redline_gateway_traffic_events",
            "Traffic records for the stats job, by fate (flushed to Redis, dropped).", "result");

    private MetricNames() {
    }
}
