package io.redline.stats;

import io.redline.core.json.Json;
import io.redline.core.lifecycle.WorkerLoop;
import io.redline.stats.dashboard.Dashboard;
import io.redline.stats.dashboard.DashboardRun;
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

    ScheduledRuns(DashboardRun run, Duration every, Clock clock) {
        super("dashboard-runs", every, clock);
        this.run = run;
        this.every = every;
    }

    @Override
    protected void doWork() throws InterruptedException {
        Optional<Dashboard> dashboard = run.run();
        if (dashboard.isPresent()) {
            System.out.println(Json.write(dashboard.get()));
        } else {
            LOG.info("Another run holds the dashboard lock; skipping this one");
        }
        pause(every);
    }
}
