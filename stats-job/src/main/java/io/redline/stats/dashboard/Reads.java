package io.redline.stats.dashboard;

import io.redline.core.json.RedisCodecs;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RBatch;
import org.redisson.api.RBucketAsync;
import org.redisson.api.RHyperLogLogAsync;
import org.redisson.api.RScoredSortedSetAsync;
import org.redisson.api.RedissonClient;

/** Where the dashboard's reads go: into a pipeline, or straight to Redis. */
class Reads {

    private final RBatch batch;
    private final RedissonClient redis;

    Reads(RBatch batch) {
        this.batch = batch;
        this.redis = null;
    }

    Reads(RedissonClient redis) {
        this.batch = null;
        this.redis = redis;
    }

    /** A read was issued; a pipeline collects its result when it executes. */
    void add(CompletionStage<?> read) {
    }

    RHyperLogLogAsync<String> hyperLogLog(String key) {
        return batch != null ? batch.getHyperLogLog(key, RedisCodecs.STRING)
                : redis.getHyperLogLog(key, RedisCodecs.STRING);
    }

    RBucketAsync<String> string(String key) {
        return batch != null ? batch.getBucket(key, RedisCodecs.STRING) : redis.getBucket(key, RedisCodecs.STRING);
    }

    RScoredSortedSetAsync<String> sortedSet(String key) {
        return batch != null ? batch.getScoredSortedSet(key, RedisCodecs.STRING)
                : redis.getScoredSortedSet(key, RedisCodecs.STRING);
    }
}
