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
 * The lock that lets one caller across all processes load or refresh an entry: {@code SET lock token NX PX ttl},
 * released by a compare-and-delete, so that it is released only by its owner and expires if its owner dies.
 * Plain commands, not Redisson's {@code RLock}: a gateway written in another language can share it.
 */
public final class LoadLock {

    static final RedisScript FINISH = RedisScript.fromResource(LoadLock.class, "finish_load.lua");

    private final RedissonClient redis;

    public LoadLock(RedissonClient redis) {
        this.redis = redis;
    }

    /** A fresh owner token. */
    public static String newToken() {
        return UUID.randomUUID().toString();
    }

    /** @return the owner token when taken, empty when someone else holds the lock */
    public CompletionStage<Optional<String>> tryAcquire(String lockKey, Duration ttl) {
        String token = newToken();
        return redis.<String>getBucket(lockKey, RedisCodecs.STRING).setIfAbsentAsync(token, ttl)
                .thenApply(taken -> taken ? Optional.of(token) : Optional.empty());
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
