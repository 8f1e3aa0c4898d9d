package io.redline.core.swr;

import io.redline.core.redis.OwnerLock;
import io.redline.core.redis.RedisScript;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * The lock that lets one caller across all processes load or refresh an entry: an {@link OwnerLock} (plain
 * commands, not Redisson's {@code RLock}, so that a gateway written in another language can share it), released
 * together with the store of the loaded value in one script.
 */
public final class LoadLock {

    static final RedisScript FINISH = RedisScript.fromResource(LoadLock.class, "finish_load.lua");

    private final RedissonClient redis;
    private final OwnerLock lock;

    public LoadLock(RedissonClient redis) {
        this.redis = redis;
        this.lock = new OwnerLock(redis);
    }

    /** A fresh owner token. */
    public static String newToken() {
        return UUID.randomUUID().toString();
    }

    /** @return the owner token when taken, empty when someone else holds the lock */
    public CompletionStage<Optional<String>> tryAcquire(String lockKey, Duration ttl) {
        return lock.tryAcquire(lockKey, ttl);
    }

    /** @return true if the lock was held by {@code token} and is now released */
    public CompletionStage<Boolean> release(EntryKeys keys, String token) {
        return finish(keys, "none", "", Duration.ofMillis(1), token);
    }

    /**
     * Stores (or marks as not cacheable) and releases in one round trip.
     *
     * @param mode {@code store}, {@code pass} or {@code none}
     */
    CompletionStage<Boolean> finish(EntryKeys keys, String mode, String envelope, Duration ttl, String token) {
        return FINISH.<Long>call(redis, RScript.Mode.READ_WRITE, RScript.ReturnType.LONG,
                        List.of(keys.entry(), keys.lock(), keys.pass()), mode, envelope,
                        String.valueOf(Math.max(1, ttl.toMillis())), token)
                .thenApply(released -> released == 1L);
    }
}
