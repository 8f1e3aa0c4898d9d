package io.redline.stats.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RList;
import org.redisson.api.RedissonClient;

/** Snapshots in Redis: the latest at {@code stats:dashboard:latest}, the last {@value #HISTORY} in a list. */
public final class DashboardStore {

    public static final int HISTORY = 1_440;

    /** Snapshots read per round trip by {@link #historySince}: a page polling every 5 s usually needs one or none. */
    private static final int PAGE = 16;

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

    /**
     * The snapshots generated after the millisecond {@code sinceMillis} (their {@code generatedAt} cut to the
     * millisecond, so that the last one a page holds is not sent again), oldest first. Reads the list from its
     * newest end, a page at a time, and stops at the first snapshot that is not newer.
     */
    public List<String> historySince(long sinceMillis) {
        RList<String> list = redis.getList(keys.dashboardHistory(), RedisCodecs.STRING);
        List<String> newer = new ArrayList<>();
        for (int from = 0; from < HISTORY; from += PAGE) {
            List<String> page = list.range(from, from + PAGE - 1);
            for (String json : page) {
                if (generatedMillis(json) <= sinceMillis) {
                    Collections.reverse(newer);
                    return newer;
                }
                newer.add(json);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Collections.reverse(newer);
        return newer;
    }

    private long generatedMillis(String json) {
        try {
            JsonNode generatedAt = Json.mapper().readTree(json).path("generatedAt");
            return Instant.parse(generatedAt.asText()).toEpochMilli();
        } catch (JsonProcessingException | DateTimeException e) {
            throw new IllegalStateException(keys.dashboardHistory() + " holds a snapshot without a readable"
                    + " generatedAt: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
