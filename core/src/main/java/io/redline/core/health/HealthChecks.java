package io.redline.core.health;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.codahale.metrics.health.jvm.ThreadDeadlockHealthCheck;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The liveness and readiness checks of a process. Readiness holds a {@code shutdown} check that fails from the
 * moment shutdown starts, so that a load balancer stops sending work before the work drains.
 */
public final class HealthChecks {

    private final HealthCheckRegistry liveness = new HealthCheckRegistry();
    private final HealthCheckRegistry readiness = new HealthCheckRegistry();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    public HealthChecks() {
        liveness.register("deadlocks", new ThreadDeadlockHealthCheck());
        readiness.register("shutdown", new HealthCheck() {
            @Override
            protected Result check() {
                return shuttingDown.get() ? Result.unhealthy("shutting down") : Result.healthy("running");
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
