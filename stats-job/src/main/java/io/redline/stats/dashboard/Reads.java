package io.redline.stats.dashboard;

import io.redline.core.json.RedisCodecs;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RBatch;
import org.redisson.api.RBucketAsync;
import org.redisson.api.RHyperLogLogAsync;
import org.redisson.api.RScoredSortedSetAsync;
import org.redisson.api.RedissonClient;

/** Where the dashboard's reads go: into a pipeline, or straight to Redis, one round trip at a time. */
abstract class Reads {

    /** Reads queued in a pipeline; their replies come when it is executed. */
    static Reads into(RBatch batch) {
        return new Reads() {
            @Override
            RHyperLogLogAsync<String> hyperLogLog(String key) {
                return batch.getHyperLogLog(key, RedisCodecs.STRING);
            }

            @Override
            RBucketAsync<String> string(String key) {
                return batch.getBucket(key, RedisCodecs.STRING);
            }

            @Override
            RScoredSortedSetAsync<String> sortedSet(String key) {
                return batch.getScoredSortedSet(key, RedisCodecs.STRING);
            }

            @Override
            CompletionStage<?> sent(CompletionStage<?> read) {
                return read;
            }
        };
    }

    /** Reads sent one after the other: each is awaited before the next is sent. */
    static Reads oneByOne(RedissonClient redis) {
        return new Reads() {
            @Override
            RHyperLogLogAsync<String> hyperLogLog(String key) {
                return redis.getHyperLogLog(key, RedisCodecs.STRING);
            }

            @Override
            RBucketAsync<String> string(String key) {
                return redis.getBucket(key, RedisCodecs.STRING);
            }

            @Override
            RScoredSortedSetAsync<String> sortedSet(String key) {
                return redis.getScoredSortedSet(key, RedisCodecs.STRING);
            }

            @Override
            CompletionStage<?> sent(CompletionStage<?> read) {
                read.toCompletableFuture().join();
                return read;
            }
        };
    }

    abstract RHyperLogLogAsync<String> hyperLogLog(String key);

    abstract RBucketAsync<String> string(String key);

    abstract RScoredSortedSetAsync<String> sortedSet(String key);

    /** A read was sent: returns its reply to come. */
    abstract CompletionStage<?> sent(CompletionStage<?> read);
}
