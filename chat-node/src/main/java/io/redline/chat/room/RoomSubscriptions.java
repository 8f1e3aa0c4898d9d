package io.redline.chat.room;

import io.opentelemetry.api.trace.Span;
import io.redline.chat.message.ChatMessage;
import io.redline.chat.protocol.ServerFrames;
import io.redline.chat.trace.ChatSpans;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.BaseStatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference-counted room subscriptions of one node. The first local member of a room subscribes the node to
 * {@code chat:room:{R}} (sharded pub/sub on Redis Cluster); the last one to leave unsubscribes it. Whoever joins
 * waits until the subscription is confirmed by Redis, so that no message published after that can be missed.
 *
 * <p>When the connection to Redis drops, the Redis client subscribes again on its own, but what was published in
 * between is gone. So every confirmation after the first one makes the room's local members catch up from the
 * history: live messages are held, the history is read, what a member has not had is sent, then what was held.
 */
public final class RoomSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(RoomSubscriptions.class);

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final boolean sharded;
    private final RoomEvents events;
    private final Function<String, CompletionStage<List<String>>> history;
    private final SubscriptionWatch watch;
    private final Clock clock;
    private final ChatSpans spans;
    private final Map<String, Room> rooms = new HashMap<>();

    /**
     * @param history reads a room's last messages as JSON, oldest first (for catching up)
     */
    public RoomSubscriptions(RedissonClient redis, RedlineKeys keys, boolean sharded, RoomEvents events,
                             Function<String, CompletionStage<List<String>>> history, Clock clock) {
        this(redis, keys, sharded, events, history, clock, ChatSpans.off());
    }

    /** @param spans the {@code chat fan-out} span of each message delivered here */
    public RoomSubscriptions(RedissonClient redis, RedlineKeys keys, boolean sharded, RoomEvents events,
                             Function<String, CompletionStage<List<String>>> history, Clock clock, ChatSpans spans) {
        this.spans = spans;
        this.redis = redis;
        this.keys = keys;
        this.sharded = sharded;
        this.events = events;
        this.history = history;
        this.watch = new SubscriptionWatch(events, clock);
        this.clock = clock;
    }

    /** Adds a local member; completes when the node's subscription to the room is active. */
    public CompletableFuture<Void> join(String room, RoomMember member) {
        Room state;
        synchronized (this) {
            state = rooms.computeIfAbsent(room, this::subscribe);
            state.members.add(member);
        }
        return state.subscribed.whenComplete((listenerIds, error) -> {
            if (error != null) {
                LOG.warn("Could not subscribe to room {}: {}", room, error.toString());
                synchronized (this) {
                    rooms.remove(room, state);
                }
            }
        }).thenApply(listenerIds -> null);
    }

    /** Removes a local member; the last one out unsubscribes the node. */
    public void leave(String room, RoomMember member) {
        Room state;
        synchronized (this) {
            state = rooms.get(room);
            if (state == null || !state.members.remove(member) || !state.members.isEmpty()) {
                return;
            }
            rooms.remove(room);
        }
        state.subscribed.thenAccept(listenerIds -> state.topic.removeListenerAsync(
                listenerIds.toArray(new Integer[0])));
    }

    /**
     * Evidence that the node's subscriptions are down (a send of this node reached no subscriber, or Redis did
     * not answer): logged and counted once until they are back.
     */
    public void suspectLost(String why) {
        watch.suspectLost(why);
    }

    public synchronized int subscribedRooms() {
        return rooms.size();
    }

    /** Rooms with at least one local member. */
    public synchronized List<String> rooms() {
        return List.copyOf(rooms.keySet());
    }

    /** The local members of a room. */
    public synchronized Set<RoomMember> members(String room) {
        Room state = rooms.get(room);
        return state == null ? Set.of() : Set.copyOf(state.members);
    }

    private Room subscribe(String room) {
        String channel = keys.chatRoomChannel(room);
        RTopic topic = sharded ? redis.getShardedTopic(channel, RedisCodecs.STRING)
                : redis.getTopic(channel, RedisCodecs.STRING);
        Set<RoomMember> members = new CopyOnWriteArraySet<>();
        AtomicInteger confirmations = new AtomicInteger();
        // first the status listener, so that its subscription is the one Redis confirms first
        CompletableFuture<Integer> status = topic.addListenerAsync(new BaseStatusListener() {
            @Override
            public void onSubscribe(String ignored) {
                if (confirmations.getAndIncrement() > 0) {
                    resubscribed(room);
                }
            }
        }).toCompletableFuture();
        CompletableFuture<Integer> messages = topic.addListenerAsync(String.class,
                (ignored, json) -> fanOut(room, json, members)).toCompletableFuture();
        return new Room(topic, status.thenCombine(messages, List::of), members);
    }

    /** Runs on the Redis client's thread: nothing here may block. */
    private void resubscribed(String room) {
        Set<RoomMember> local = members(room);
        watch.restored(room);
        local.forEach(member -> member.holdForCatchUp(room));
        history.apply(room).whenComplete((messages, error) -> {
            List<String> missed = messages;
            if (error != null) {
                LOG.warn("Could not read the history of room {} to catch its clients up: {}", room, error.toString());
                missed = List.of();
            }
            int sent = 0;
            for (RoomMember member : local) {
                sent += member.catchUp(room, missed);
            }
            LOG.debug("Caught up {} clients of room {}: {} messages from the history", local.size(), room, sent);
            events.caughtUp(room, sent);
        });
    }

    private void fanOut(String room, String json, Set<RoomMember> members) {
        ChatMessage message;
        try {
            message = ChatMessage.parse(json);
        } catch (IllegalArgumentException e) {
            events.unreadable(room);
            return;
        }
        watch.heardLive(room);
        Span span = spans.fanOut(room, message.id(), message.traceparent(), members.size());
        try {
            String frame = ServerFrames.message(json);
            for (RoomMember member : members) {
                member.deliver(room, message.id(), json, frame);
            }
        } finally {
            span.end();
        }
        events.fannedOut(Duration.ofMillis(Math.max(0, clock.millis() - message.timestamp())));
    }

    /** One room's subscription (its status and message listeners) and its local members. */
    private record Room(RTopic topic, CompletableFuture<List<Integer>> subscribed, Set<RoomMember> members) {
    }
}
