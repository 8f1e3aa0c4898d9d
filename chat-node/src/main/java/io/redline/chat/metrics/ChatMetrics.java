package io.redline.chat.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.redline.chat.room.RoomEvents;
import io.redline.chat.session.ChatEvents;
import java.util.function.IntSupplier;

/** The edge where the chat node's events become Dropwizard metrics. */
public final class ChatMetrics implements ChatEvents, RoomEvents {

    public static final String CONNECTIONS = "chat.connections";
    public static final String ROOMS_SUBSCRIBED = "chat.rooms.subscribed";
    public static final String MESSAGES_IN = "chat.messages.in";
    public static final String MESSAGES_FANNED_OUT = "chat.messages.fanned_out";
    public static final String FRAMES_OUT = "chat.frames.out";
    public static final String SLOW_CLIENTS_DROPPED = "chat.slow_clients.dropped";
    public static final String HISTORY_READS = "chat.history.reads";
    public static final String UNREADABLE = "chat.messages.unreadable";
    public static final String SUBSCRIPTIONS_LOST = "chat.subscriptions.lost";
    public static final String SUBSCRIPTIONS_RESTORED = "chat.subscriptions.restored";
    public static final String CATCH_UPS = "chat.catchups";
    public static final String CATCH_UP_MESSAGES = "chat.catchup.messages";

    private final Counter connections;
    private final Meter messagesIn;
    private final Meter fannedOut;
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
        connections = registry.counter(CONNECTIONS);
        messagesIn = registry.meter(MESSAGES_IN);
        fannedOut = registry.meter(MESSAGES_FANNED_OUT);
        framesOut = registry.meter(FRAMES_OUT);
        dropped = registry.meter(SLOW_CLIENTS_DROPPED);
        historyReads = registry.meter(HISTORY_READS);
        unreadable = registry.meter(UNREADABLE);
        subscriptionsLost = registry.meter(SUBSCRIPTIONS_LOST);
        subscriptionsRestored = registry.meter(SUBSCRIPTIONS_RESTORED);
        catchUps = registry.meter(CATCH_UPS);
        catchUpMessages = registry.meter(CATCH_UP_MESSAGES);
    }

    /** Exports the number of rooms this node is subscribed to. */
    public void watchRooms(IntSupplier subscribedRooms) {
        registry.register(ROOMS_SUBSCRIBED, (Gauge<Integer>) subscribedRooms::getAsInt);
    }

    @Override
    public void connected() {
        connections.inc();
    }

    @Override
    public void disconnected() {
        connections.dec();
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
    public void fannedOut() {
        fannedOut.mark();
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
