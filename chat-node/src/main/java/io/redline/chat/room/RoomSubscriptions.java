package io.redline.chat.room;

import io.redline.chat.message.ChatMessage;
import io.redline.chat.protocol.ServerFrames;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference-counted room subscriptions of one node. The first local member of a room subscribes the node to
 * {@code chat:room:{R}} (sharded pub/sub on Redis Cluster); the last one to leave unsubscribes it. Whoever joins
 * waits until the subscription is confirmed by Redis, so that no message published after that can be missed.
 */
public final class RoomSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(RoomSubscriptions.class);

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final boolean sharded;
    private final RoomEvents events;
    private final Map<String, Room> rooms = new HashMap<>();

    public RoomSubscriptions(RedissonClient redis, RedlineKeys keys, boolean sharded, RoomEvents events) {
        this.redis = redis;
        this.keys = keys;
        this.sharded = sharded;
        this.events = events;
    }

    /** Adds a local member; completes when the node's subscription to the room is active. */
    public CompletableFuture<Void> join(String room, RoomMember member) {
        Room state;
        synchronized (this) {
            state = rooms.computeIfAbsent(room, this::subscribe);
            state.members.add(member);
        }
        return state.subscribed.whenComplete((listenerId, error) -> {
            if (error != null) {
                LOG.warn("Could not subscribe to room {}: {}", room, error.toString());
                synchronized (this) {
                    rooms.remove(room, state);
                }
            }
        }).thenApply(listenerId -> null);
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
        state.subscribed.thenAccept(listenerId -> state.topic.removeListenerAsync(listenerId));
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
        CompletableFuture<Integer> subscribed = topic.addListenerAsync(String.class,
                (ignored, json) -> fanOut(room, json, members)).toCompletableFuture();
        return new Room(topic, subscribed, members);
    }

    private void fanOut(String room, String json, Set<RoomMember> members) {
        String id;
        try {
            id = ChatMessage.parse(json).id();
        } catch (IllegalArgumentException e) {
            events.unreadable(room);
            return;
        }
        String frame = ServerFrames.message(json);
        for (RoomMember member : members) {
            member.deliver(room, id, frame);
        }
        events.fannedOut(members.size());
    }

    /** One room's subscription and its local members. */
    private record Room(RTopic topic, CompletableFuture<Integer> subscribed, Set<RoomMember> members) {
    }
}
