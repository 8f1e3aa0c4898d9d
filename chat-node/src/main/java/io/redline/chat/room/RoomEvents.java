package io.redline.chat.room;

import java.time.Duration;

/** What the fan-out reports; registered as metrics at the edge. */
public interface RoomEvents {

    RoomEvents NONE = new RoomEvents() {
    };

    /**
     * A message arrived from Redis and went to the room's local clients, {@code delay} after the node that took it
     * stamped it (nodes' clocks differ a little: a negative difference counts as zero).
     */
    default void fannedOut(Duration delay) {
    }

    /** A payload on a room channel was not a chat message (another producer wrote it); it was dropped. */
    default void unreadable(String room) {
    }

    /** The node's room subscriptions went down (once per outage, however many rooms). */
    default void subscriptionsLost() {
    }

    /** Redis confirmed the node's subscription to a room again after it had dropped. */
    default void subscriptionRestored(String room) {
    }

    /** The local members of a re-subscribed room were caught up; {@code messages} were sent from its history. */
    default void caughtUp(String room, int messages) {
    }
}
