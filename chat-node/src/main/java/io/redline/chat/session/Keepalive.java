package io.redline.chat.session;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings one socket every {@code pingInterval} and closes it when its client has sent nothing, not even a pong,
 * for {@code idleTimeout}. The pings keep proxies from cutting a quiet but live socket; the check on what was
 * heard (not on what was written, as Jetty's own idle timeout does) finds a client that has gone away.
 */
final class Keepalive {

    private static final Logger LOG = LoggerFactory.getLogger(Keepalive.class);
    private static final long CLOSE_GRACE_MILLIS = 1_000;

    private final Session session;
    private final SocketLimits limits;
    private final Clock clock;
    private final String who;
    private final ScheduledFuture<?> task;
    private volatile long lastHeard;

    Keepalive(Session session, SocketLimits limits, ScheduledExecutorService scheduler, Clock clock, String who) {
        this.session = session;
        this.limits = limits;
        this.clock = clock;
        this.who = who;
        this.lastHeard = clock.millis();
        long every = limits.pingInterval().toMillis();
        this.task = scheduler.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** The client sent something: a frame or a pong. */
    void heard() {
        lastHeard = clock.millis();
    }

    void stop() {
        task.cancel(false);
    }

    private void tick() {
        try {
            long silent = clock.millis() - lastHeard;
            if (silent > limits.idleTimeout().toMillis()) {
                LOG.info("Closing {}: nothing heard for {} ms, not even a pong", who, silent);
                stop();
                session.close(StatusCode.SHUTDOWN, "idle: no answer to pings", Callback.NOOP);
                scheduleDisconnect();
            } else if (session.isOpen()) {
                session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }
        } catch (RuntimeException e) {
            // a failing ping must not end the schedule of the next one silently
            LOG.debug("Ping of {} failed: {}", who, e.toString());
        }
    }

    private void scheduleDisconnect() {
        // the close handshake needs the client too: cut the connection if it does not answer
        CompletableFuture.delayedExecutor(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)
                .execute(session::disconnect);
    }
}
