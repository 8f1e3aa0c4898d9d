package io.redline.gateway.edge;

import io.redline.core.config.ConfigReader;
import io.redline.core.http.HttpLimits;
import java.time.Duration;

/**
 * What the gateway's HTTP port allows its clients (docs/cache-gateway.md, "Slow and hostile clients").
 *
 * @param idleTimeout {@code HTTP_IDLE_TIMEOUT}, default 30s: a connection without any progress is closed
 * @param headerTimeout {@code HTTP_HEADER_TIMEOUT}, default 10s: a request's line and headers must arrive within
 *                      it, or the client gets 408 and the connection is closed
 * @param maxConnections {@code HTTP_MAX_CONNECTIONS}, default 10000: connections open at once
 * @param maxBodyBytes {@code HTTP_MAX_BODY_BYTES}, default 10 MiB: the largest request body (413 beyond)
 * @param maxInFlight {@code HTTP_MAX_IN_FLIGHT}, default 1000: requests handled at once; as many more wait up to
 *                    {@link #QUEUE_WAIT} for a slot, the rest are shed with 503 ({@link LoadShedding})
 */
public record EdgeConfig(Duration idleTimeout, Duration headerTimeout, int maxConnections, long maxBodyBytes,
                         int maxInFlight) {

    /** The largest request line plus headers (431 beyond): room for large cookies and tokens. */
    public static final int REQUEST_HEADER_BYTES = 16 * 1024;
    public static final Duration MIN_HEADER_TIMEOUT = Duration.ofMillis(100);
    public static final int MAX_CONNECTIONS = 1_000_000;
    public static final int MAX_IN_FLIGHT = 1_000_000;
    /**
     * How long a request beyond {@code maxInFlight} may wait for a slot before it is shed: long enough to ride out
     * a burst, short enough that a client retrying after {@code Retry-After: 1} is not slower than waiting.
     */
    public static final Duration QUEUE_WAIT = Duration.ofSeconds(1);
    public static final EdgeConfig DEFAULTS = new EdgeConfig(Duration.ofSeconds(30), Duration.ofSeconds(10),
            10_000, 10L << 20, 1_000);

    public EdgeConfig {
        if (idleTimeout == null || idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleTimeout must be at least 1ms, but was " + idleTimeout);
        }
        if (headerTimeout == null || headerTimeout.compareTo(MIN_HEADER_TIMEOUT) < 0) {
            throw new IllegalArgumentException("headerTimeout must be at least 100ms, but was " + headerTimeout);
        }
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("maxConnections must be from 1 to " + MAX_CONNECTIONS + ", but was "
                    + maxConnections);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be 0 or more, but was " + maxBodyBytes);
        }
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("maxInFlight must be from 1 to " + MAX_IN_FLIGHT + ", but was "
                    + maxInFlight);
        }
    }

    /** Reads the variables; a bad value is reported to the reader and replaced by its default. */
    public static EdgeConfig read(ConfigReader reader) {
        return new EdgeConfig(
                reader.duration("HTTP_IDLE_TIMEOUT", DEFAULTS.idleTimeout(), Duration.ofMillis(1)),
                reader.duration("HTTP_HEADER_TIMEOUT", DEFAULTS.headerTimeout(), MIN_HEADER_TIMEOUT),
                reader.integer("HTTP_MAX_CONNECTIONS", DEFAULTS.maxConnections(), 1, MAX_CONNECTIONS),
                reader.integer("HTTP_MAX_BODY_BYTES", (int) DEFAULTS.maxBodyBytes(), 0, Integer.MAX_VALUE),
                reader.integer("HTTP_MAX_IN_FLIGHT", DEFAULTS.maxInFlight(), 1, MAX_IN_FLIGHT));
    }

    /** The connector's limits. */
    public HttpLimits limits() {
        return new HttpLimits(idleTimeout, headerTimeout, maxConnections, REQUEST_HEADER_BYTES);
    }
}
