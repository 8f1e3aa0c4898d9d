package io.redline.stats;

import io.redline.core.json.Json;
import io.redline.core.lifecycle.WorkerLoop;
import io.redline.stats.dashboard.Dashboard;
import io.redline.stats.dashboard.DashboardRun;
import io.redline.stats.metrics.RunMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run --every D}: a run, then a pause of {@code D}, and so on; a run that takes long delays the next one
 * instead of piling runs up, and the Redis lock keeps runs of other processes from overlapping with it.
 */
final class ScheduledRuns extends WorkerLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);

    private final DashboardRun run;
    private final Duration every;
    private final RunMetrics metrics;
    private final Clock clock;

    ScheduledRuns(DashboardRun run, Duration every, RunMetrics metrics, Clock clock) {
        super("dashboard-runs", every, clock);
        this.run = run;
        this.every = every;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void doWork() throws InterruptedException {
        long started = System.nanoTime();
        Optional<Dashboard> dashboard;
        try {
            dashboard = run.run();
        } catch (RuntimeException e) {
            // the loop logs it and goes on; the count is what an alert can see
            metrics.failed();
            throw e;
        }
        if (dashboard.isPresent()) {
            metrics.done(Duration.ofNanos(System.nanoTime() - started), clock.instant());
            System.out.println(Json.write(dashboard.get()));
        } else {
            metrics.skipped();
            LOG.info("Another run holds the dashboard lock; skipping this one");
        }
        pause(every);
    }
}
