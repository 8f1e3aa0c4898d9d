package io.redline.gateway.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.redline.core.metrics.HistogramSeries;
import io.redline.core.redis.pipeline.PipelineEvents;
import io.redline.core.ratelimit.FailMode;
import io.redline.core.ratelimit.RateLimiterEvents;
import io.redline.core.swr.SwrEvents;
import io.redline.gateway.traffic.TrafficEvents;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The edge where the gateway's domain events become the series of its {@link MetricNames} families. */
public final class GatewayMetrics implements RateLimiterEvents, SwrEvents, TrafficEvents, PipelineEvents {

    private final Map<Outcome, Meter> outcomes = new EnumMap<>(Outcome.class);
    private final Map<Outcome, HistogramSeries> durations = new EnumMap<>(Outcome.class);
    private final Meter hit;
    private final Meter stale;
    private final Meter miss;
    private final Meter loads;
    private final Meter refreshes;
    private final Meter refreshFailures;
    private final Meter revalidations;
    private final Meter localHit;
    private final Meter localMiss;
    private final Meter localEvictions;
    private final Meter localInvalidations;
    private final Meter cacheUnavailable;
    private final HistogramSeries originDuration;
    private final Meter allowed;
    private final Meter denied;
    private final Meter failOpen;
    private final Meter failClosed;
    private final Meter flushed;
    private final Meter dropped;
    private final Meter pipelines;
    private final Meter pipelinedCalls;

    public GatewayMetrics(MetricRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, MetricNames.REQUESTS.counter(registry, outcome.label()));
            durations.put(outcome, MetricNames.REQUEST_DURATION.histogram(registry, outcome.label()));
        }
        hit = MetricNames.CACHE_LOOKUPS.counter(registry, "hit");
        stale = MetricNames.CACHE_LOOKUPS.counter(registry, "stale");
        miss = MetricNames.CACHE_LOOKUPS.counter(registry, "miss");
        loads = MetricNames.CACHE_LOADS.counter(registry);
        refreshes = MetricNames.CACHE_REFRESHES.counter(registry, "ok");
        refreshFailures = MetricNames.CACHE_REFRESHES.counter(registry, "failed");
        revalidations = MetricNames.CACHE_REFRESHES.counter(registry, "not_modified");
        localHit = MetricNames.CACHE_LOCAL_LOOKUPS.counter(registry, "hit");
        localMiss = MetricNames.CACHE_LOCAL_LOOKUPS.counter(registry, "miss");
        localEvictions = MetricNames.CACHE_LOCAL_EVICTIONS.counter(registry);
        localInvalidations = MetricNames.CACHE_LOCAL_INVALIDATIONS.counter(registry);
        cacheUnavailable = MetricNames.CACHE_REDIS_UNAVAILABLE.counter(registry);
        originDuration = MetricNames.ORIGIN_DURATION.histogram(registry);
        allowed = MetricNames.LIMITER_DECISIONS.counter(registry, "allowed");
        denied = MetricNames.LIMITER_DECISIONS.counter(registry, "denied");
        failOpen = MetricNames.LIMITER_REDIS_UNAVAILABLE.counter(registry, "open");
        failClosed = MetricNames.LIMITER_REDIS_UNAVAILABLE.counter(registry, "closed");
        flushed = MetricNames.TRAFFIC_EVENTS.counter(registry, "flushed");
        dropped = MetricNames.TRAFFIC_EVENTS.counter(registry, "dropped");
        pipelines = MetricNames.REDIS_PIPELINES.counter(registry);
        pipelinedCalls = MetricNames.REDIS_PIPELINED_CALLS.counter(registry);
    }

    /** A request ended this way, {@code took} after it arrived. */
    public void outcome(Outcome outcome, Duration took) {
        outcomes.get(outcome).mark();
        durations.get(outcome).observe(took);
    }

    public void originCall(Duration latency) {
        originDuration.observe(latency);
    }

    /** Redis could not be used for the cache; the origin answered directly. */
    public void cacheUnavailable() {
        cacheUnavailable.mark();
    }

    @Override
    public void allowed() {
        allowed.mark();
    }

    @Override
    public void denied() {
        denied.mark();
    }

    @Override
    public void redisUnavailable(FailMode mode) {
        (mode == FailMode.OPEN ? failOpen : failClosed).mark();
    }

    @Override
    public void hit() {
        hit.mark();
    }

    @Override
    public void stale() {
        stale.mark();
    }

    @Override
    public void miss() {
        miss.mark();
    }

    @Override
    public void loaded() {
        loads.mark();
    }

    @Override
    public void refreshed() {
        refreshes.mark();
    }

    @Override
    public void revalidated() {
        revalidations.mark();
    }

    @Override
    public void refreshFailed(String reason) {
        refreshFailures.mark();
    }

    @Override
    public void nearHit() {
        localHit.mark();
    }

    @Override
    public void nearMiss() {
        localMiss.mark();
    }

    @Override
    public void nearEvicted() {
        localEvictions.mark();
    }

    @Override
    public void nearInvalidated() {
        localInvalidations.mark();
    }

    @Override
    public void sent(int calls) {
        pipelines.mark();
        pipelinedCalls.mark(calls);
    }

    @Override
    public void flushed(int events) {
        flushed.mark(events);
    }

    @Override
    public void dropped(int events) {
        dropped.mark(events);
    }
}
