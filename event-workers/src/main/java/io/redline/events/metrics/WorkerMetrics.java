package io.redline.events.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.redline.core.metrics.Buckets;
import io.redline.core.metrics.Family;
import io.redline.core.metrics.HistogramSeries;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.event.EventType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The workers' metric families, and the edge where the workers' events become their series. */
public final class WorkerMetrics implements WorkerEvents {

    public static final Family PROCESSED = Family.counter("redline_events_processed",
            "Events whose effects were stored, by type (order.created, order.paid, order.shipped).", "type");
    public static final Family AGE = Family.histogram("redline_events_age_seconds",
            "End-to-end age of an event when its effects were stored: from its timestamp to now, by type.",
            Buckets.DELAY, "type");
    /** Per event, so that it weighs batches as {@link #AGE} does; Redis round trips, hence the latency buckets. */
    public static final Family PROCESSING = Family.histogram("redline_events_processing_seconds",
            "Processing delay of an event: from the read (or claim) of its batch to the batch's XACK, by type.",
            Buckets.LATENCY, "type");
    public static final Family FAILURES = Family.counter("redline_events_failures",
            "Entries whose processing failed and that stay pending for a retry.");
    public static final Family RECLAIMED = Family.counter("redline_events_reclaimed",
            "Pending entries the reaper claimed from idle consumers.");
    public static final Family DEAD_LETTERED = Family.counter("redline_events_dead_lettered",
            "Entries moved to the dead-letter stream.");
    public static final Family DELETED_ON_CLAIM = Family.counter("redline_events_deleted_on_claim",
            "Pending entries that were trimmed from the stream before the reaper could claim them.");
    public static final Family GROUP_RECREATED = Family.counter("redline_events_group_recreated",
            "Times the consumer group was found missing and created again.");
    public static final Family PENDING = Family.gauge("redline_events_pending",
            "Entries delivered to the group and not yet acknowledged, as the reaper last read them.");
    public static final Family LAG = Family.gauge("redline_events_consumer_lag",
            "Entries in the stream not yet delivered to the group, as the reaper last read them.");
    public static final Family DEAD_LETTERS = Family.gauge("redline_events_dead_letters",
            "Entries in the dead-letter stream, as the reaper last read them.");

    private final Map<EventType, Meter> processed = new EnumMap<>(EventType.class);
    private final Map<EventType, HistogramSeries> age = new EnumMap<>(EventType.class);
    private final Map<EventType, HistogramSeries> processing = new EnumMap<>(EventType.class);
    private final Meter failures;
    private final Meter reclaimed;
    private final Meter deadLettered;
    private final Meter deletedOnClaim;
    private final Meter groupRecreated;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    public WorkerMetrics(MetricRegistry registry) {
        for (EventType type : EventType.values()) {
            processed.put(type, PROCESSED.counter(registry, type.wire()));
            age.put(type, AGE.histogram(registry, type.wire()));
            processing.put(type, PROCESSING.histogram(registry, type.wire()));
        }
        failures = FAILURES.counter(registry);
        reclaimed = RECLAIMED.counter(registry);
        deadLettered = DEAD_LETTERED.counter(registry);
        deletedOnClaim = DELETED_ON_CLAIM.counter(registry);
        groupRecreated = GROUP_RECREATED.counter(registry);
        PENDING.watch(registry, pending::get);
        LAG.watch(registry, lag::get);
        DEAD_LETTERS.watch(registry, deadLetters::get);
    }

    @Override
    public void processed(EventType type, long ageMillis, long processingMillis) {
        processed.get(type).mark();
        age.get(type).observe(Duration.ofMillis(ageMillis));
        processing.get(type).observe(Duration.ofMillis(processingMillis));
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

    @Override
    public void deadLetterFigures(long length) {
        deadLetters.set(length);
    }
}
