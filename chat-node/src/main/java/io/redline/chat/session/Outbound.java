package io.redline.chat.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames on their way to one client. Sending never blocks: at most {@code capacity} frames may wait for the
 * network; one more and the client is closed with 1013 (try again later), so that a slow reader can neither
 * exhaust memory nor hold up the Redis listener that feeds every client of the node.
 */
final class Outbound {

    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);
    private static final long CLOSE_GRACE_MILLIS = 1_000;

    private final Session session;
    private final int capacity;
    private final ChatEvents events;
    private final String who;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean dropped = new AtomicBoolean();

    Outbound(Session session, int capacity, ChatEvents events, String who) {
        this.session = session;
        this.capacity = capacity;
        this.events = events;
        this.who = who;
    }

    void send(String frame) {
        if (dropped.get()) {
            return;
        }
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            drop();
            return;
        }
        // one frame at a time into Jetty, so that frames of one room keep their order
        synchronized (this) {
            session.sendText(frame, Callback.from(pending::decrementAndGet, error -> pending.decrementAndGet()));
        }
        events.frameOut();
    }

    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            LOG.warn("Closing {}: {} frames waiting, it cannot keep up", who, capacity);
            events.slowClientDropped();
            session.close(StatusCode.TRY_AGAIN_LATER, "too slow: outbound queue full", Callback.NOOP);
            // the close frame waits behind the frames the client does not read: cut the connection if it must
            CompletableFuture.delayedExecutor(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(session::disconnect);
        }
    }
}
