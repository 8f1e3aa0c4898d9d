package io.redline.chat.room;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once per outage that the node's room subscriptions are down, and once that they are back. Redis tells
 * nothing when a subscription drops, so "down" is learnt from the evidence: a send that could not be published,
 * or a re-subscription itself (which always follows a drop). The re-subscriptions of many rooms after one outage
 * come in a burst: they are one transition.
 */
final class SubscriptionWatch {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionWatch.class);
    /** Re-subscriptions closer together than this belong to one outage. */
    private static final Duration BURST = Duration.ofSeconds(10);

    private final RoomEvents events;
    private final Clock clock;
    private volatile boolean down;
    private long lastRestored = Long.MIN_VALUE;

    SubscriptionWatch(RoomEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    synchronized void suspectLost(String why) {
        if (!down) {
            down = true;
            LOG.warn("Room subscriptions are down ({}): messages published meanwhile do not reach this node's clients"
                    + " live; they will be caught up from the history when the subscriptions are back", why);
            events.subscriptionsLost();
        }
    }

    /**
     * A message arrived live: the subscriptions work. After a suspicion that was wrong (Redis was slow, not gone),
     * this ends the outage that never was; after a real one, the re-subscriptions have ended it already.
     */
    void heardLive(String room) {
        if (down) {
            synchronized (this) {
                if (down) {
                    down = false;
                    LOG.info("Room subscriptions work: a message of room {} arrived live", room);
                }
            }
        }
    }

    synchronized void restored(String room) {
        long now = clock.millis();
        boolean sameBurst = lastRestored != Long.MIN_VALUE && now - lastRestored < BURST.toMillis();
        lastRestored = now;
        if (!down && !sameBurst) {
            suspectLost("the connection to Redis dropped");
        }
        events.subscriptionRestored(room);
        if (down) {
            down = false;
            LOG.info("Room subscriptions are back (room {} first): catching this node's clients up from the history",
                    room);
        } else {
            LOG.debug("Room {} re-subscribed", room);
        }
    }
}
