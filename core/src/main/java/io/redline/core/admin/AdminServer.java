package io.redline.core.admin;

import io.redline.core.health.HealthChecks;
import io.redline.core.http.JettyServer;
import io.redline.core.lifecycle.Managed;
import io.redline.core.metrics.PrometheusText;
import java.time.Duration;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

/**
 * The admin endpoints on {@code ADMIN_PORT}: health and metrics, and those a process adds ({@link #routes()});
 * port 0 picks a free port (see {@link #port()}).
 */
public final class AdminServer implements Managed {

    private final JettyServer server;
    private final LateRoutes late = new LateRoutes();

    public AdminServer(int port, HealthChecks health, PrometheusText metrics) {
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/health/live"), new HealthHandler(health::liveness));
        routes.addMapping(PathSpec.from("/health/ready"), new HealthHandler(health::readiness));
        routes.addMapping(PathSpec.from("/metrics"), new MetricsHandler(metrics));
        this.server = new JettyServer("admin-http", port, 6, new Handler.Sequence(routes, late),
                Duration.ofSeconds(2));
    }

    /** Where the process adds its own endpoints, also while the server runs. */
    public AdminRoutes routes() {
        return late;
    }

    @Override
    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }
}
