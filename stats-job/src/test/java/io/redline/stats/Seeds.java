package io.redline.stats;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import java.time.Instant;
import java.time.LocalDate;
import org.redisson.api.RedissonClient;

/** Source data written the way cache-gateway, event-workers and chat-node write it (same key builders). */
final class Seeds {

    private Seeds() {
    }

    static void day(RedissonClient redis, RedlineKeys keys, LocalDate day, int visitors, long revenueCents,
                    long requests, long errors) {
        for (int i = 0; i < visitors; i++) {
            redis.getHyperLogLog(keys.dailyVisitors(day), RedisCodecs.STRING).add("10.0." + (i / 250) + "." + (i % 250));
        }
        redis.getBucket(keys.dailyRevenueCents(day), RedisCodecs.STRING).set(String.valueOf(revenueCents));
        redis.getAtomicLong(keys.dailyRequests(day)).set(requests);
        redis.getAtomicLong(keys.dailyErrors(day)).set(errors);
        String[] paths = {"/", "/products", "/cart", "/checkout", "/about", "/help", "/login"};
        for (int i = 0; i < paths.length; i++) {
            redis.getScoredSortedSet(keys.dailyPageViews(day), RedisCodecs.STRING).add(100 - i * 10, paths[i]);
        }
    }

    static void units(RedissonClient redis, RedlineKeys keys) {
        String[] skus = {"kbd-01", "mouse-02", "cable-03", "hub-04", "ssd-05", "ram-06"};
        for (int i = 0; i < skus.length; i++) {
            redis.getScoredSortedSet(keys.unitsSold(), RedisCodecs.STRING).add(60 - i * 7, skus[i]);
        }
    }

    /** Sessions whose node heartbeat expires at {@code expiry}. */
    static void sessions(RedissonClient redis, RedlineKeys keys, int count, Instant expiry, String prefix) {
        for (int i = 0; i < count; i++) {
            redis.getScoredSortedSet(keys.chatSessions(), RedisCodecs.STRING).add(expiry.toEpochMilli(), prefix + i);
        }
    }
}
