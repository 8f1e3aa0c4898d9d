package io.redline.gateway.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.redline.core.ratelimit.FailMode;
import io.redline.core.ratelimit.RateLimiterEvents;
import io.redline.core.swr.SwrEvents;
import io.redline.gateway.traffic.TrafficEvents;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The edge where the gateway's domain events become Dropwizard metrics. */
public final class GatewayMetrics implements RateLimiterEvents, SwrEvents, TrafficEvents {

    private final Map<Outcome, Meter> outcomes = new EnumMap<>(Outcome.class);
    private final Meter hit;
    private final Meter stale;
    private final Meter miss;
    private final Meter loads;
    private final Meter refreshes;
    private final Meter refreshFailures;
    private final Meter cacheUnavailable;
    private final Meter localHit;
    private final Meter localMiss;
    private final Meter localEvictions;
    private final Meter localInvalidations;
    private final Timer originLatency;
    private final Meter allowed;
    private final Meter denied;
    private final Meter failOpen;
    private final Meter failClosed;
    private final Meter flushed;
    private final Meter dropped;

    public GatewayMetrics(MetricRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, registry.meter(outcome.metricName()));
        }
        hit = registry.meter(MetricNames.CACHE_HIT);
        stale = registry.meter(MetricNames.CACHE_STALE);
        miss = registry.meter(MetricNames.CACHE_MISS);
        loads = registry.meter(MetricNames.CACHE_LOADS);
        refreshes = registry.meter(MetricNames.CACHE_REFRESHES);
        refreshFailures = registry.meter(MetricNames.CACHE_REFRESH_FAILURES);
        cacheUnavailable = registry.meter(MetricNames.CACHE_UNAVAILABLE);
        localHit = registry.meter(MetricNames.CACHE_LOCAL_HIT);
        localMiss = registry.meter(MetricNames.CACHE_LOCAL_MISS);
        localEvictions = registry.meter(MetricNames.CACHE_LOCAL_EVICTIONS);
        localInvalidations = registry.meter(MetricNames.CACHE_LOCAL_INVALIDATIONS);
        originLatency = registry.timer(MetricNames.ORIGIN_LATENCY);
        allowed = registry.meter(MetricNames.LIMITER_ALLOWED);
        denied = registry.meter(MetricNames.LIMITER_DENIED);
        failOpen = registry.meter(MetricNames.LIMITER_FAIL_OPEN);
        failClosed = registry.meter(MetricNames.LIMITER_FAIL_CLOSED);
        flushed = registry.meter(MetricNames.TRAFFIC_FLUSHED);
        dropped = registry.meter(MetricNames.TRAFFIC_DROPPED);
    }

    public void outcome(Outcome outcome) {
        outcomes.get(outcome).mark();
    }

    public void originCall(Duration latency) {
        originLatency.update(latency);
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
    public void flushed(int events) {
        flushed.mark(events);
    }

    @Override
    public void dropped(int events) {
        dropped.mark(events);
    }
}
