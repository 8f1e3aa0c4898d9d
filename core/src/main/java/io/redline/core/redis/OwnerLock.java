package io.redline.core.redis;

import io.redline.core.json.RedisCodecs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * A lock in plain commands, shareable with clients in any language: {@code SET key token NX PX ttl} to take it,
 * a compare-and-delete script to release it. It expires if its owner dies, and only its owner releases it.
 */
public final class OwnerLock {

    private static final RedisScript RELEASE = RedisScript.fromResource(OwnerLock.class, "compare_and_delete.lua");

    private final RedissonClient redis;

    public OwnerLock(RedissonClient redis) {
        this.redis = redis;
    }

    /** @return the owner token when taken, empty when someone else holds the lock */
    public CompletionStage<Optional<String>> tryAcquire(String key, Duration ttl) {
        String token = UUID.randomUUID().toString();
        return redis.<String>getBucket(key, RedisCodecs.STRING).setIfAbsentAsync(token, ttl)
                .thenApply(taken -> taken ? Optional.of(token) : Optional.empty());
    }

    /** @return true if the lock was held by {@code token} and is now released */
    public CompletionStage<Boolean> release(String key, String token) {
        return RELEASE.<Long>call(redis, RScript.Mode.READ_WRITE, RScript.ReturnType.LONG, List.of(key), token)
                .thenApply(released -> released == 1L);
    }
}
