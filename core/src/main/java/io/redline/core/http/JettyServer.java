package io.redline.core.http;

import io.redline.core.lifecycle.Managed;
import java.net.BindException;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty 12 server as a {@link Managed} part: threads named {@code <name>-N}, port 0 picks a free port, and
 * {@code stop} refuses new requests while those in flight finish within the grace period. A port that cannot be
 * listened on fails {@code start} with a {@link PortUnavailableException}. Its connector applies {@link HttpLimits}.
 */
public final class JettyServer implements Managed {

    private final String name;
    private final int port;
    private final int maxThreads;
    private final Function<Server, Handler> handler;
    private final Duration grace;
    private final HttpLimits limits;
    private Server server;

    /**
     * @param name names the threads ({@code admin-http}, {@code gateway-http})
     * @param maxThreads the pool's size, acceptor and selector threads included
     */
    public JettyServer(String name, int port, int maxThreads, Handler handler, Duration grace) {
        this(name, port, maxThreads, server -> handler, grace);
    }

    /**
     * @param handler makes the handler for the server (a WebSocket upgrade handler needs the server itself)
     */
    public JettyServer(String name, int port, int maxThreads, Function<Server, Handler> handler, Duration grace) {
        this(name, port, maxThreads, handler, grace, HttpLimits.JETTY_DEFAULTS);
    }

    /** @param limits what the connector allows its clients (sizes, deadlines, connections) */
    public JettyServer(String name, int port, int maxThreads, Function<Server, Handler> handler, Duration grace,
                       HttpLimits limits) {
        this.limits = limits;
        this.name = name;
        this.port = port;
        this.maxThreads = maxThreads;
        this.handler = handler;
        this.grace = grace;
    }

    @Override
    public synchronized void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
        threads.setName(name);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // a proxy relays the origin's Date and Server headers; Jetty must not add its own
        http.setSendDateHeader(false);
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(limits.requestHeaderBytes());
        // Jetty's default keeps a 1,024-field header cache per connection, about 80 KiB of heap each: 2,000 open
        // connections held 200 MiB of it and ran a 256 MiB gateway out of memory. Without it, hits were as fast.
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        if (limits.headerTimeout() != null) {
            connector.addEventListener(new HeaderDeadline(connector.getScheduler(), limits.headerTimeout()));
        }
        if (limits.maxConnections() > 0) {
            // at the limit the connector stops accepting: new connections wait in the kernel's accept queue
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        }
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler.apply(server)));
        server.setStopTimeout(grace.toMillis());
        try {
            server.start();
        } catch (Exception e) {
            BindException bind = bindFailure(e);
            if (bind == null) {
                throw e;
            }
            stopQuietly(e);
            throw new PortUnavailableException(port, bind.getMessage(), e);
        }
    }

    /** Jetty wraps the {@link BindException} in an {@code IOException("Failed to bind to ...")}. */
    private static BindException bindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return (BindException) cause;
            }
        }
        return null;
    }

    /** Jetty's thread pool may have started before the connector failed. */
    private void stopQuietly(Exception failure) {
        try {
            server.stop();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
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
