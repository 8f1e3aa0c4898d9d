package io.redline.events.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.event.EventType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The edge where the workers' events become Dropwizard metrics. */
public final class WorkerMetrics implements WorkerEvents {

    /** Meter per type: {@code events.processed.created}, ... */
    public static final String PROCESSED = "events.processed";
    public static final String FAILURES = "events.failures";
    public static final String RECLAIMED = "events.reclaimed";
    public static final String DEAD_LETTERED = "events.dead_lettered";
    public static final String DELETED_ON_CLAIM = "events.deleted_on_claim";
    public static final String GROUP_RECREATED = "events.group.recreated";
    public static final String PENDING = "events.group.pending";
    public static final String LAG = "events.group.lag";
    public static final String AGE = "events.age_millis";

    private final Map<EventType, Meter> processed = new EnumMap<>(EventType.class);
    private final Meter failures;
    private final Meter reclaimed;
    private final Meter deadLettered;
    private final Meter deletedOnClaim;
    private final Meter groupRecreated;
    private final Histogram age;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();

    public WorkerMetrics(MetricRegistry registry) {
        for (EventType type : EventType.values()) {
            processed.put(type, registry.meter(PROCESSED + "." + type.name().toLowerCase(Locale.ROOT)));
        }
        failures = registry.meter(FAILURES);
        reclaimed = registry.meter(RECLAIMED);
        deadLettered = registry.meter(DEAD_LETTERED);
        deletedOnClaim = registry.meter(DELETED_ON_CLAIM);
        groupRecreated = registry.meter(GROUP_RECREATED);
        age = registry.histogram(AGE);
        registry.register(PENDING, (Gauge<Long>) pending::get);
        registry.register(LAG, (Gauge<Long>) lag::get);
    }

    @Override
    public void processed(EventType type, long ageMillis) {
        processed.get(type).mark();
        age.update(ageMillis);
    }

    @Override
    public void failed(int entries) {
        failures.mark(entries);
    }

    @Override
    public void deadLettered(int entries) {
        deadLettered.mark(entries);
    }

    @Override
    public void reclaimed(int entries) {
        reclaimed.mark(entries);
    }

    @Override
    public void deletedOnClaim(int entries) {
        deletedOnClaim.mark(entries);
    }

    @Override
    public void groupRecreated() {
        groupRecreated.mark();
    }

    @Override
    public void groupFigures(long pendingEntries, long groupLag) {
        pending.set(pendingEntries);
        lag.set(groupLag);
    }
}
