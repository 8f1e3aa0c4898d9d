package io.redline.chat.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.redline.core.metrics.Buckets;
import io.redline.core.metrics.Family;
import io.redline.core.metrics.HistogramSeries;
import io.redline.chat.room.RoomEvents;
import io.redline.chat.session.ChatEvents;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/** The chat node's metric families, and the edge where its events become their series. */
public final class ChatMetrics implements ChatEvents, RoomEvents {

    public static final Family CONNECTIONS = Family.gauge("redline_chat_connections",
            "WebSocket connections open on this node.");
    public static final Family ROOMS_SUBSCRIBED = Family.gauge("redline_chat_rooms_subscribed",
            "Rooms this node is subscribed to in Redis.");
    public static final Family MESSAGES_IN = Family.counter("redline_chat_messages_received",
            "Chat messages this node took from its clients.");
    public static final Family MESSAGES_FANNED_OUT = Family.counter("redline_chat_messages_fanned_out",
            "Room messages this node received from Redis and handed to its local sockets.");
    public static final Family FANOUT_DELAY = Family.histogram("redline_chat_fanout_delay_seconds",
            "Time from when the node that took a message stamped it to its hand-over to this node's local sockets.",
            Buckets.LATENCY);
    public static final Family FRAMES_OUT = Family.counter("redline_chat_frames_sent",
            "Frames queued for sending to clients.");
    public static final Family SLOW_CLIENTS_DROPPED = Family.counter("redline_chat_slow_clients_dropped",
            "Connections closed because their outbound queue was full.");
    public static final Family HISTORY_READS = Family.counter("redline_chat_history_reads",
            "Reads of a room's history.");
    public static final Family UNREADABLE = Family.counter("redline_chat_messages_unreadable",
            "Room messages from Redis that could not be parsed and were skipped.");
    public static final Family SUBSCRIPTIONS_LOST = Family.counter("redline_chat_subscriptions_lost",
            "Times this node lost its Redis subscriptions (one per outage, however many rooms).");
    public static final Family SUBSCRIPTIONS_RESTORED = Family.counter("redline_chat_subscriptions_restored",
            "Room subscriptions restored after an outage.");
    public static final Family CATCH_UPS = Family.counter("redline_chat_catchups",
            "Rooms caught up from the history after an outage.");
    public static final Family CATCH_UP_MESSAGES = Family.counter("redline_chat_catchup_messages",
            "Messages sent to clients from the history when catching up.");

    private final AtomicLong connections = new AtomicLong();
    private final Meter messagesIn;
    private final Meter fannedOut;
    private final HistogramSeries fanoutDelay;
    private final Meter framesOut;
    private final Meter dropped;
    private final Meter historyReads;
    private final Meter unreadable;
    private final Meter subscriptionsLost;
    private final Meter subscriptionsRestored;
    private final Meter catchUps;
    private final Meter catchUpMessages;

    private final MetricRegistry registry;

    public ChatMetrics(MetricRegistry registry) {
        this.registry = registry;
        CONNECTIONS.watch(registry, connections::get);
        messagesIn = MESSAGES_IN.counter(registry);
        fannedOut = MESSAGES_FANNED_OUT.counter(registry);
        fanoutDelay = FANOUT_DELAY.histogram(registry);
        framesOut = FRAMES_OUT.counter(registry);
        dropped = SLOW_CLIENTS_DROPPED.counter(registry);
        historyReads = HISTORY_READS.counter(registry);
        unreadable = UNREADABLE.counter(registry);
        subscriptionsLost = SUBSCRIPTIONS_LOST.counter(registry);
        subscriptionsRestored = SUBSCRIPTIONS_RESTORED.counter(registry);
        catchUps = CATCH_UPS.counter(registry);
        catchUpMessages = CATCH_UP_MESSAGES.counter(registry);
    }

    /** Exports the number of rooms this node is subscribed to. */
    public void watchRooms(IntSupplier subscribedRooms) {
        ROOMS_SUBSCRIBED.watch(registry, subscribedRooms::getAsInt);
    }

    @Override
    public void connected() {
        connections.incrementAndGet();
    }

    @Override
    public void disconnected() {
        connections.decrementAndGet();
    }

    @Override
    public void messageIn() {
        messagesIn.mark();
    }

    @Override
    public void frameOut() {
        framesOut.mark();
    }

    @Override
    public void slowClientDropped() {
        dropped.mark();
    }

    @Override
    public void historyRead() {
        historyReads.mark();
    }

    @Override
    public void fannedOut(Duration delay) {
        fannedOut.mark();
        fanoutDelay.observe(delay);
    }

    @Override
    public void unreadable(String room) {
        unreadable.mark();
    }

    @Override
    public void subscriptionsLost() {
        subscriptionsLost.mark();
    }

    @Override
    public void subscriptionRestored(String room) {
        subscriptionsRestored.mark();
    }

    @Override
    public void caughtUp(String room, int messages) {
        catchUps.mark();
        catchUpMessages.mark(messages);
    }
}
