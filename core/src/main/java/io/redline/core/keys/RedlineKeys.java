package io.redline.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Every Redis key and channel name of the platform, built in this one place with the namespace applied.
 * The names are those of the contract (docs/contract.md); user-supplied parts are validated and hash-tagged, so that the
 * keys of one room or one order share a slot.
 */
public final class RedlineKeys {

    public static final KeyRule ROOM = KeyRule.identifier("room");
    public static final KeyRule ORDER_ID = KeyRule.identifier("order id");
    /** A client's identity for rate limiting: an IPv4 or IPv6 address, a user id. */
    public static final KeyRule CLIENT_ID = new KeyRule("client id", 128, ".:%@");
    private static final KeyRule SCOPE = KeyRule.identifier("scope");
    /** A digest per thread: looking one up costs more than hashing a short key (this is on every cache hit). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private final KeyNamespace namespace;
    private final String scratch;

    public RedlineKeys(KeyNamespace namespace) {
        this(namespace, "");
    }

    private RedlineKeys(KeyNamespace namespace, String scratch) {
        this.namespace = namespace;
        this.scratch = scratch;
    }

    /**
     * The same names under {@code <ns>:~<area>:} (such as {@code ~replay:order:{o-1}}), for work that is built
     * aside and then renamed over the live keys. No namespace can contain {@code ~}, so {@link #scratchPattern()}
     * never matches another environment's keys, and hash tags are kept, so each name shares its live key's slot.
     */
    public RedlineKeys scratch(String area) {
        return new RedlineKeys(namespace, scratch + "~" + SCOPE.check(area) + ":");
    }

    /** The glob pattern of every key of this scratch area ({@code <ns>:~<area>:*}). */
    public String scratchPattern() {
        if (scratch.isEmpty()) {
            throw new IllegalStateException("not a scratch area");
        }
        return namespace.apply(scratch + "*");
    }

    private static String digest(String text) {
        byte[] hash = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    public KeyNamespace namespace() {
        return namespace;
    }

    /** Any other name, with the namespace applied: for module-local keys documented where they are used. */
    public String key(String name) {
        return namespace.apply(scratch + name);
    }

    /** Pub/sub channel of a chat room: {@code chat:room:{R}}. */
    public String chatRoomChannel(String room) {
        return key("chat:room:" + HashTag.of(ROOM.check(room)));
    }

    /** List of a room's last messages, newest first: {@code chat:history:{R}}. */
    public String chatHistory(String room) {
        return key("chat:history:" + HashTag.of(ROOM.check(room)));
    }

    /**
     * Sliding-window log of one client for one limit: {@code ratelimit:<scope>:{<client>}:<window ms>}. The limits
     * of one client share the tag, so that one script can decide on all of them.
     */
    public String rateLimit(String scope, String clientId, Duration window) {
        return key("ratelimit:" + SCOPE.check(scope) + ":" + HashTag.of(CLIENT_ID.check(clientId)) + ":"
                + window.toMillis());
    }

    /**
     * A stale-while-revalidate entry: {@code swr:<cache>:{<digest>}}. The caller's key may hold any characters; its
     * SHA-256 digest (128 bits, hex) is what reaches Redis, so no key can address another. The entry's load lock and
     * hit-for-pass marker add {@code :lock} and {@code :pass} (see {@code io.redline.core.swr.EntryKeys}).
     */
    public String swrEntry(String cache, String cacheKey) {
        return key("swr:" + SCOPE.check(cache) + ":" + HashTag.of(digest(cacheKey)));
    }

    /**
     * The pub/sub channel on which every process of cache {@code cache} announces the entries it stored, so that
     * the others drop their near-cache copies: {@code swr:<cache>:invalidations}. Messages are entry keys
     * ({@link #swrEntry}).
     */
    public String swrInvalidations(String cache) {
        return key("swr:" + SCOPE.check(cache) + ":invalidations");
    }

    /**
     * Who is in a room: {@code chat:presence:{R}}, a sorted set of sessions (JSON members
     * {@code {"session","userId","userName"}}) scored by the time their node's heartbeat expires (epoch ms).
     */
    public String chatPresence(String room) {
        return key("chat:presence:" + HashTag.of(ROOM.check(room)));
    }

    /**
     * Sessions connected to any chat node: {@code chat:sessions}, a sorted set of session ids scored by the time
     * their node's heartbeat expires (epoch ms). The dashboard's "active sessions" is the count of scores in the
     * future, so that the sessions of a node that died drop out without anyone cleaning up.
     */
    public String chatSessions() {
        return key("chat:sessions");
    }

    /** The order event stream: {@code events:ecommerce}. */
    public String eventStream() {
        return key("events:ecommerce");
    }

    /** Dead letters of the order event stream: {@code events:ecommerce:dlq}. */
    public String eventDeadLetters() {
        return key("events:ecommerce:dlq");
    }

    /**
     * The original ids already moved to the dead letters, in their slot (the hash tag is the dead-letter stream's
     * whole name): {@code {events:ecommerce:dlq}:moved}, so that a move repeated after a crash adds nothing.
     */
    public String deadLettersMoved() {
        return "{" + eventDeadLetters() + "}:moved";
    }

    /**
     * The dead-letter ids already written back to the stream, in its slot: {@code {events:ecommerce}:requeued}, so
     * that a {@code dlq requeue} repeated after a crash writes nothing twice.
     */
    public String eventStreamRequeued() {
        return "{" + eventStream() + "}:requeued";
    }

    /** Projection hash of one order: {@code order:{ORDERID}}. */
    public String orderProjection(String orderId) {
        return key("order:" + HashTag.of(ORDER_ID.check(orderId)));
    }

    /** HyperLogLog of the client addresses seen on a UTC day: {@code stats:visitors:<yyyy-mm-dd>}. */
    public String dailyVisitors(LocalDate day) {
        return key("stats:visitors:" + day);
    }

    /** Sorted set of page views per path on a UTC day: {@code stats:pageviews:<yyyy-mm-dd>}. */
    public String dailyPageViews(LocalDate day) {
        return key("stats:pageviews:" + day);
    }

    /** Counter of requests on a UTC day: {@code stats:requests:<yyyy-mm-dd>}. */
    public String dailyRequests(LocalDate day) {
        return key("stats:requests:" + day);
    }

    /** Counter of responses with a 5xx status on a UTC day: {@code stats:errors:<yyyy-mm-dd>}. */
    public String dailyErrors(LocalDate day) {
        return key("stats:errors:" + day);
    }

    /**
     * Revenue of a UTC day (day of the payment event's timestamp), in integer cents: {@code stats:revenue:{<day>}}.
     * Its orders-counted set {@link #dailyRevenueOrders} shares the slot, so that one script counts each order once.
     */
    public String dailyRevenueCents(LocalDate day) {
        return key("stats:revenue:" + HashTag.of(day.toString()));
    }

    /** The orders already counted in a day's revenue: {@code stats:revenue:{<day>}:orders}. */
    public String dailyRevenueOrders(LocalDate day) {
        return dailyRevenueCents(day) + ":orders";
    }

    /** Units sold per product (sorted set sku → units): {@code stats:{units}:sold}. */
    public String unitsSold() {
        return key("stats:{units}:sold");
    }

    /**
     * The orders created on a UTC day already counted in {@link #unitsSold()}: {@code stats:{units}:orders:<day>}.
     * One set per day, so that each can expire once no redelivery of its events can come.
     */
    public String unitsSoldOrders(LocalDate day) {
        return key("stats:{units}:orders:" + day);
    }

    /** The dashboard's latest snapshot (JSON): {@code stats:dashboard:latest}. */
    public String dashboardLatest() {
        return key("stats:dashboard:latest");
    }

    /** The dashboard's last snapshots, newest first (a capped list of JSON): {@code stats:dashboard:history}. */
    public String dashboardHistory() {
        return key("stats:dashboard:history");
    }

    /** The lock that keeps two dashboard runs from overlapping: {@code stats:dashboard:lock}. */
    public String dashboardLock() {
        return key("stats:dashboard:lock");
    }
}
