package io.redline.stats.dashboard;

import io.redline.core.json.Json;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;

/** Snapshots in Redis: the latest at {@code stats:dashboard:latest}, the last {@value #HISTORY} in a list. */
public final class DashboardStore {

    public static final int HISTORY = 1_440;

    private final RedissonClient redis;
    private final RedlineKeys keys;

    public DashboardStore(RedissonClient redis, RedlineKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public void save(Dashboard dashboard) {
        String json = Json.write(dashboard);
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        batch.getBucket(keys.dashboardLatest(), RedisCodecs.STRING).setAsync(json);
        batch.<String>getDeque(keys.dashboardHistory(), RedisCodecs.STRING).addFirstAsync(json);
        batch.getList(keys.dashboardHistory(), RedisCodecs.STRING).trimAsync(0, HISTORY - 1);
        batch.execute();
    }

    /** The latest snapshot's JSON, or null. */
    public String latest() {
        return redis.<String>getBucket(keys.dashboardLatest(), RedisCodecs.STRING).get();
    }

    /** The snapshots' JSON, oldest first. */
    public List<String> history() {
        List<String> newestFirst = new ArrayList<>(redis.<String>getList(keys.dashboardHistory(), RedisCodecs.STRING)
                .readAll());
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
