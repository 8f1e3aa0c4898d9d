package io.redline.gateway.http;

import io.redline.core.lifecycle.Managed;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty on {@code HTTP_PORT}; on stop it takes no new requests and lets those in flight finish. */
public final class GatewayServer implements Managed {

    private final int port;
    private final Handler handler;
    private final Duration grace;
    private Server server;

    public GatewayServer(int port, Handler handler, Duration grace) {
        this.port = port;
        this.handler = handler;
        this.grace = grace;
    }

    @Override
    public synchronized void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("gateway-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // the origin's Date and Server headers are relayed; Jetty must not add its own
        http.setSendDateHeader(false);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(grace.toMillis());
        server.start();
    }

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
