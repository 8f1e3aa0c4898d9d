package io.redline.core.swr;

import io.redline.core.json.RedisCodecs;
import io.redline.core.redis.RedisScript;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * The lock that lets one caller across all processes load or refresh an entry, in plain commands (not Redisson's
 * {@code RLock}) so that a gateway written in another language can share it: taken by {@code get_or_lock.lua}
 * ({@code SET NX PX} with an owner token), released by {@code finish_load.lua} together with the store of the
 * loaded value (compare-and-delete). The only owner of both scripts, their codes and the tokens.
 */
public final class LoadLock {

    private static final RedisScript GET_OR_LOCK = RedisScript.fromResource(LoadLock.class, "get_or_lock.lua");
    private static final RedisScript FINISH = RedisScript.fromResource(LoadLock.class, "finish_load.lua");

    private static final byte[] NOTHING = new byte[0];

    private final RedissonClient redis;

    public LoadLock(RedissonClient redis) {
        this.redis = redis;
    }

    /** What {@code get_or_lock.lua} found, by the code it replies with. */
    enum Claim {
        /** Another caller holds the lock. */
        BUSY(0),
        /** This caller now holds the lock. */
        LOCKED(1),
        /** The entry is marked not cacheable: every caller loads for itself, no lock is taken. */
        PASS(2),
        /** Someone stored the entry meanwhile (asked for by a cold miss only). */
        STORED(3);

        private final long code;

        Claim(long code) {
            this.code = code;
        }

        static Claim of(long code) {
            for (Claim claim : values()) {
                if (claim.code == code) {
                    return claim;
                }
            }
            throw new IllegalStateException("get_or_lock.lua replied with code " + code + ", which is none of "
                    + List.of(values()));
        }
    }

    /** What {@code finish_load.lua} does before it releases the lock, by the mode it is given. */
    enum Finish {
        /** Store the envelope for the TTL and clear the pass marker. */
        STORE("store"),
        /** Mark the entry not cacheable for the TTL and delete it. */
        PASS("pass"),
        /** Only release the lock. */
        NONE("none");

        private final String mode;

        Finish(String mode) {
            this.mode = mode;
        }
    }

    /**
     * One attempt at the lock: of a cold miss, or of a refresh.
     *
     * @param claim what the script found
     * @param envelope the stored entry when {@link Claim#STORED} or {@link Claim#LOCKED} (empty if there is none),
     *                 else empty
     * @param token the owner token of the lock when {@link Claim#LOCKED}
     */
    record Attempt(Claim claim, byte[] envelope, String token) {
    }

    /** A cold miss, in one round trip: the entry if someone stored it meanwhile, else the lock if it is free. */
    CompletionStage<Attempt> getOrLock(EntryKeys keys, Duration ttl) {
        return attempt(keys, ttl, true);
    }

    /**
     * Takes the lock over a stored (stale) entry, to refresh it; when taken, the attempt holds the entry as stored
     * at that moment (another refresh may have stored a fresh one since the caller read it).
     */
    CompletionStage<Attempt> lockForRefresh(EntryKeys keys, Duration ttl) {
        return attempt(keys, ttl, false);
    }

    /**
     * Takes the lock over a stored (stale) entry, to refresh it.
     *
     * @return the owner token when taken, empty when someone else holds the lock (or the entry is marked not
     *         cacheable)
     */
    public CompletionStage<Optional<String>> tryAcquire(EntryKeys keys, Duration ttl) {
        return lockForRefresh(keys, ttl).thenApply(attempt -> attempt.claim() == Claim.LOCKED
                ? Optional.of(attempt.token()) : Optional.empty());
    }

    private CompletionStage<Attempt> attempt(EntryKeys keys, Duration ttl, boolean readStored) {
        String token = newToken();
        return claim(keys, ttl, token, readStored).thenApply(reply -> new Attempt(Claim.of((Long) reply.get(1)),
                (byte[]) reply.get(0), token));
    }

    /** @return true if the lock was held by {@code token} and is now released */
    public CompletionStage<Boolean> release(EntryKeys keys, String token) {
        return finish(keys, Finish.NONE, NOTHING, Duration.ofMillis(1), token);
    }

    /** Stores the envelope for {@code ttl} and releases, in one round trip. */
    CompletionStage<Boolean> store(EntryKeys keys, byte[] envelope, Duration ttl, String token) {
        return finish(keys, Finish.STORE, envelope, ttl, token);
    }

    /** Marks the entry not cacheable for {@code ttl} and releases, in one round trip. */
    CompletionStage<Boolean> markPass(EntryKeys keys, Duration ttl, String token) {
        return finish(keys, Finish.PASS, NOTHING, ttl, token);
    }

    private CompletionStage<List<Object>> claim(EntryKeys keys, Duration ttl, String token, boolean readStored) {
        return GET_OR_LOCK.call(scripts(), RScript.Mode.READ_WRITE, RScript.ReturnType.LIST,
                List.of(keys.entry(), keys.lock(), keys.pass()), token, String.valueOf(ttl.toMillis()),
                readStored ? "1" : "0");
    }

    private CompletionStage<Boolean> finish(EntryKeys keys, Finish finish, byte[] envelope, Duration ttl,
                                            String token) {
        return FINISH.<Long>call(scripts(), RScript.Mode.READ_WRITE, RScript.ReturnType.LONG,
                        List.of(keys.entry(), keys.lock(), keys.pass(), keys.name()), finish.mode, envelope,
                        String.valueOf(Math.max(1, ttl.toMillis())), token, keys.cacheKey())
                .thenApply(released -> released == 1L);
    }

    /** Entries are bytes (a JSON head and a raw body): replies are read, and envelopes sent, as they are. */
    private RScript scripts() {
        return redis.getScript(RedisCodecs.BYTES);
    }

    /** The one generator of owner tokens: unique across processes, so only the owner can release. */
    private static String newToken() {
        return UUID.randomUUID().toString();
    }
}
