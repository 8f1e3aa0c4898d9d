package io.redline.core.health;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.codahale.metrics.health.jvm.ThreadDeadlockHealthCheck;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The liveness and readiness checks of a process. Readiness holds a {@code lifecycle} check that passes only
 * between the end of start-up and the beginning of shutdown, so that a load balancer sends no work to a process
 * whose parts are not all running, and stops sending work before the work drains.
 */
public final class HealthChecks {

    private final HealthCheckRegistry liveness = new HealthCheckRegistry();
    private final HealthCheckRegistry readiness = new HealthCheckRegistry();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    public HealthChecks() {
        liveness.register("deadlocks", new ThreadDeadlockHealthCheck());
        readiness.register("lifecycle", new HealthCheck() {
            @Override
            protected Result check() {
                if (shuttingDown.get()) {
                    return Result.unhealthy("shutting down");
                }
                return started.get() ? Result.healthy("running") : Result.unhealthy("starting");
            }
        });
    }

    /** A check of whether the process must be restarted; must not depend on Redis or any other service. */
    public void addLiveness(String name, HealthCheck check) {
        liveness.register(name, check);
    }

    /** A check of whether the process can take work now. */
    public void addReadiness(String name, HealthCheck check) {
        readiness.register(name, check);
    }

    /** Every part of the process has started: it can take work once its other checks pass. */
    public void started() {
        started.set(true);
    }

    public void shutdownStarted() {
        shuttingDown.set(true);
    }

    public SortedMap<String, HealthCheck.Result> liveness() {
        return liveness.runHealthChecks();
    }

    public SortedMap<String, HealthCheck.Result> readiness() {
        return readiness.runHealthChecks();
    }
}
