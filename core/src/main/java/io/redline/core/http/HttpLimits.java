package io.redline.core.http;

import java.time.Duration;

/**
 * What one HTTP connector allows its clients, so that slow or hostile clients cannot hold the server's resources.
 *
 * @param idleTimeout how long a connection may make no progress at all (no byte read or written) before it is
 *                    closed; also bounds a keep-alive connection waiting for its next request
 * @param headerTimeout how long a client may take to send a request's line and headers, however slowly it
 *                      trickles them (a slowloris client sends one byte now and then and never trips the idle
 *                      timeout); {@code null} for no such deadline
 * @param maxConnections connections held open at once; beyond it the server stops accepting, so that new
 *                       connections wait in the operating system's accept queue; 0 for no limit
 * @param requestHeaderBytes the largest request line plus headers; larger requests are answered 431
 */
public record HttpLimits(Duration idleTimeout, Duration headerTimeout, int maxConnections, int requestHeaderBytes) {

    /** Jetty's own defaults: 30 s idle timeout, no header deadline, no connection limit, 8 KiB of headers. */
    public static final HttpLimits JETTY_DEFAULTS = new HttpLimits(Duration.ofSeconds(30), null, 0, 8192);

    public HttpLimits {
        if (idleTimeout == null || idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleTimeout must be at least 1ms, but was " + idleTimeout);
        }
        if (headerTimeout != null && headerTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("headerTimeout must be at least 1ms or null (none), but was "
                    + headerTimeout);
        }
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must be 0 (no limit) or more, but was "
                    + maxConnections);
        }
        if (requestHeaderBytes < 256) {
            throw new IllegalArgumentException("requestHeaderBytes must be at least 256, but was "
                    + requestHeaderBytes);
        }
    }
}
