package io.redline.chat.presence;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.Managed;
import io.redline.core.redis.pipeline.AutoPipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScoredSortedSetAsync;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is in which room, and how many sessions all nodes hold. Every {@code ttl / 3} this node re-scores all its
 * sessions with {@code now + ttl} (one pipelined batch) and drops expired entries; readers count only scores in the
 * future. A node killed with {@code kill -9} stops re-scoring, and its users are gone within {@code ttl}.
 * The rooms with local members are polled every second, and their local clients told when members change.
 */
public final class Presence implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Presence.class);
    private static final long POLL_MILLIS = 1_000;

    private final RedissonClient redis;
    private final AutoPipeline pipeline;
    private final RedlineKeys keys;
    private final Clock clock;
    private final Duration ttl;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Collection<String>> localRooms;
    private final PresenceListener listener;
    /** session id -> entries by room. */
    private final Map<String, Map<String, PresenceEntry>> local = new ConcurrentHashMap<>();
    private final Map<String, List<Member>> lastSeen = new ConcurrentHashMap<>();

    /**
     * @param pipeline carries the reads and writes of many sessions together: a thousand clients joining at once
     *                 would otherwise want a pooled connection each, and wait for one past Redisson's timeout
     */
    public Presence(RedissonClient redis, AutoPipeline pipeline, RedlineKeys keys, Clock clock, Duration ttl,
                    ScheduledExecutorService scheduler, Supplier<Collection<String>> localRooms,
                    PresenceListener listener) {
        this.redis = redis;
        this.pipeline = pipeline;
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
        this.scheduler = scheduler;
        this.localRooms = localRooms;
        this.listener = listener;
    }

    @Override
    public void start() {
        long beat = Math.max(100, ttl.toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        // members on other nodes come and go too: look at the rooms with local clients at least every second
        long poll = Math.min(beat, POLL_MILLIS);
        scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** Removes this node's entries: a clean stop need not wait for them to expire. */
    @Override
    public void stop() {
        List.copyOf(local.keySet()).forEach(this::disconnected);
    }

    public void connected(String session) {
        local.put(session, new ConcurrentHashMap<>());
        double expiry = expiry();
        sessions(set -> set.addAsync(expiry, session));
    }

    public void disconnected(String session) {
        Map<String, PresenceEntry> rooms = local.remove(session);
        sessions(set -> set.removeAsync(session));
        if (rooms != null) {
            rooms.forEach((room, entry) -> room(room, set -> set.removeAsync(entry.toJson())));
        }
    }

    /** The session is in the room now; completes when Redis has the entry. */
    public CompletionStage<Boolean> entered(String room, String session, Member member) {
        PresenceEntry entry = new PresenceEntry(session, member.userId(), member.userName());
        Map<String, PresenceEntry> rooms = local.get(session);
        if (rooms != null) {
            rooms.put(room, entry);
        }
        double expiry = expiry();
        return room(room, set -> set.addAsync(expiry, entry.toJson()));
    }

    public CompletionStage<Boolean> left(String room, String session) {
        Map<String, PresenceEntry> rooms = local.get(session);
        PresenceEntry entry = rooms == null ? null : rooms.remove(room);
        return entry == null ? CompletableFuture.completedFuture(false)
                : room(room, set -> set.removeAsync(entry.toJson()));
    }

    /** The users in a room on any node, each once, by name. */
    public CompletionStage<List<Member>> members(String room) {
        long now = clock.millis();
        return room(room, set -> set.valueRangeAsync(now, false, Double.POSITIVE_INFINITY, true))
                .thenApply(Presence::distinctUsers);
    }

    /** Sessions on all nodes whose heartbeat has not expired: the dashboard's active sessions. */
    public CompletionStage<Integer> activeSessions() {
        long now = clock.millis();
        return sessions(set -> set.countAsync(now, false, Double.POSITIVE_INFINITY, true));
    }

    /** Re-reads a room's members now and tells the listener if they changed. */
    public void refresh(String room) {
        members(room).thenAccept(members -> notifyIfChanged(room, members)).exceptionally(error -> {
            listener.redisFailed(error);
            return null;
        });
    }

    private void beat() {
        try {
            double expiry = expiry();
            double now = clock.millis();
            RBatch batch = redis.createBatch(BatchOptions.defaults().skipResult());
            RScoredSortedSetAsync<String> sessions = batch.getScoredSortedSet(keys.chatSessions(),
                    RedisCodecs.STRING);
            local.forEach((session, rooms) -> {
                sessions.addAsync(expiry, session);
                rooms.forEach((room, entry) -> batch.<String>getScoredSortedSet(keys.chatPresence(room),
                        RedisCodecs.STRING).addAsync(expiry, entry.toJson()));
            });
            sessions.removeRangeByScoreAsync(0, true, now, false);
            Set<String> rooms = Set.copyOf(localRooms.get());
            rooms.forEach(room -> batch.getScoredSortedSet(keys.chatPresence(room), RedisCodecs.STRING)
                    .removeRangeByScoreAsync(0, true, now, false));
            batch.execute();
        } catch (RuntimeException e) {
            LOG.warn("Presence heartbeat failed: {}", e.toString());
            listener.redisFailed(e);
        }
    }

    private void poll() {
        try {
            Set<String> rooms = Set.copyOf(localRooms.get());
            lastSeen.keySet().retainAll(rooms);
            rooms.forEach(this::refresh);
        } catch (RuntimeException e) {
            LOG.warn("Presence poll failed: {}", e.toString());
        }
    }

    private void notifyIfChanged(String room, List<Member> members) {
        List<Member> previous = lastSeen.put(room, members);
        if (!members.equals(previous)) {
            listener.membersChanged(room, members);
        }
    }

    private static List<Member> distinctUsers(Collection<String> entries) {
        Map<String, Member> byUser = new LinkedHashMap<>();
        for (String json : entries) {
            try {
                Member member = PresenceEntry.parse(json).member();
                byUser.putIfAbsent(member.userId(), member);
            } catch (IllegalArgumentException e) {
                // an entry written by someone else: not a member we can show
            }
        }
        List<Member> members = new ArrayList<>(byUser.values());
        members.sort(Comparator.comparing(Member::userName).thenComparing(Member::userId));
        return members;
    }

    private double expiry() {
        return clock.millis() + ttl.toMillis();
    }

    private <T> CompletionStage<T> room(String room, Function<RScoredSortedSetAsync<String>, RFuture<T>> command) {
        String key = keys.chatPresence(room);
        return pipeline.call(batch -> command.apply(batch.getScoredSortedSet(key, RedisCodecs.STRING)));
    }

    private <T> CompletionStage<T> sessions(Function<RScoredSortedSetAsync<String>, RFuture<T>> command) {
        return pipeline.call(batch -> command.apply(batch.getScoredSortedSet(keys.chatSessions(),
                RedisCodecs.STRING)));
    }
}
