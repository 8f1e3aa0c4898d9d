package io.redline.stats.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.redline.core.metrics.Buckets;
import io.redline.core.metrics.Family;
import io.redline.core.metrics.HistogramSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The dashboard runs of {@code run --every}, as metric families. */
public final class RunMetrics {

    public static final Family RUNS = Family.counter("redline_stats_dashboard_runs",
            "Dashboard runs, by result (done, skipped: another process held the lock, failed).", "result");
    public static final Family RUN_DURATION = Family.histogram("redline_stats_dashboard_run_duration_seconds",
            "Time a dashboard run took, from taking the lock to storing the dashboard.", Buckets.DELAY);
    public static final Family LAST_SUCCESS = Family.gauge("redline_stats_dashboard_last_success_timestamp_seconds",
            "When this process last stored a dashboard, in seconds since the epoch; 0 before the first.");

    private final Meter done;
    private final Meter skipped;
    private final Meter failed;
    private final HistogramSeries duration;
    private final AtomicLong lastSuccessMillis = new AtomicLong();

    public RunMetrics(MetricRegistry registry) {
        done = RUNS.counter(registry, "done");
        skipped = RUNS.counter(registry, "skipped");
        failed = RUNS.counter(registry, "failed");
        duration = RUN_DURATION.histogram(registry);
        LAST_SUCCESS.watch(registry, () -> lastSuccessMillis.get() / 1000.0);
    }

    public void done(Duration took, Instant at) {
        done.mark();
        duration.observe(took);
        lastSuccessMillis.set(at.toEpochMilli());
    }

    public void skipped() {
        skipped.mark();
    }

    public void failed() {
        failed.mark();
    }
}
