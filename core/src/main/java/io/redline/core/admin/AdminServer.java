package io.redline.core.admin;

import io.redline.core.health.HealthChecks;
import io.redline.core.lifecycle.Managed;
import io.redline.core.metrics.PrometheusText;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty on {@code ADMIN_PORT} serving health and metrics; port 0 picks a free port (see {@link #port()}). */
public final class AdminServer implements Managed {

    private final int requestedPort;
    private final HealthChecks health;
    private final PrometheusText metrics;
    private Server server;

    public AdminServer(int port, HealthChecks health, PrometheusText metrics) {
        this.requestedPort = port;
        this.health = health;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(6, 2);
        threads.setName("admin-http");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setPort(requestedPort);
        server.addConnector(connector);
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/health/live"), new HealthHandler(health::liveness));
        routes.addMapping(PathSpec.from("/health/ready"), new HealthHandler(health::readiness));
        routes.addMapping(PathSpec.from("/metrics"), new MetricsHandler(metrics));
        server.setHandler(routes);
        server.setStopTimeout(2_000);
        server.start();
    }

    /** The bound port; differs from the configured one only when that was 0. */
    public synchronized int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
