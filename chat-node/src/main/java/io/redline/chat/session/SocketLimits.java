package io.redline.chat.session;

import java.time.Duration;

/**
 * What one WebSocket may hold and how long it may be silent.
 *
 * @param outboundQueue frames that may wait for a slow client before it is closed
 * @param maxRooms rooms one socket may be in at once: each costs a subscription, a presence entry and a
 *                 presence read every second
 * @param pingInterval how often the server pings each socket, so that proxies and load balancers with an idle
 *                     limit (often 60 s) see traffic on a quiet socket
 * @param idleTimeout how long a socket may go without any frame from its client (pongs included) before the
 *                    server closes it; longer than {@code pingInterval}, so that a live client always answers in time
 */
public record SocketLimits(int outboundQueue, int maxRooms, Duration pingInterval, Duration idleTimeout) {

    public static final int DEFAULT_MAX_ROOMS = 10;
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration MIN_PING_INTERVAL = Duration.ofMillis(100);

    public SocketLimits {
        if (outboundQueue < 1) {
            throw new IllegalArgumentException("outboundQueue must be > 0, but was " + outboundQueue);
        }
        if (maxRooms < 1) {
            throw new IllegalArgumentException("maxRooms must be > 0, but was " + maxRooms);
        }
        if (pingInterval.compareTo(MIN_PING_INTERVAL) < 0) {
            throw new IllegalArgumentException("pingInterval must be at least " + MIN_PING_INTERVAL.toMillis()
                    + " ms, but was " + pingInterval.toMillis() + " ms");
        }
        if (idleTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("idleTimeout must be longer than pingInterval ("
                    + pingInterval.toMillis() + " ms), but was " + idleTimeout.toMillis() + " ms");
        }
    }

    /** The defaults, with another outbound queue. */
    public static SocketLimits withOutboundQueue(int outboundQueue) {
        return new SocketLimits(outboundQueue, DEFAULT_MAX_ROOMS, DEFAULT_PING_INTERVAL, DEFAULT_IDLE_TIMEOUT);
    }
}
