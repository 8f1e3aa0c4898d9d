package io.redline.deploy.local.redis;

import io.redline.core.redis.RedisMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Redline needs of a Redis version. 6.2 is the oldest that runs every module (XAUTOCLAIM came in 6.2);
 * a few figures need 7.0, and the runner says so at start-up instead of letting them fail or read zero later.
 */
public final class RedisFeatures {

    public static final RedisVersion OLDEST = new RedisVersion(6, 2, 0);
    public static final RedisVersion FULL = new RedisVersion(7, 0, 0);

    private RedisFeatures() {
    }

    /** Why this version cannot run the platform, if it cannot. */
    public static Optional<String> refusal(RedisVersion version, RedisMode mode) {
        if (version.isBefore(OLDEST)) {
            return Optional.of("Redis " + version + " is too old: event-workers need XAUTOCLAIM, which came in "
                    + OLDEST + "; use Redis " + OLDEST + " or newer");
        }
        if (mode == RedisMode.CLUSTER && version.isBefore(FULL)) {
            return Optional.of("Redis Cluster " + version + " is too old: chat-node publishes with SPUBLISH, which"
                    + " came in " + FULL + "; use Redis " + FULL + " or newer for a cluster");
        }
        return Optional.empty();
    }

    /** The features that this version lacks, one line each; empty from 7.0 on. */
    public static List<String> limits(RedisVersion version) {
        List<String> limits = new ArrayList<>();
        if (version.isBefore(FULL)) {
            limits.add("event-workers report no consumer-group lag (redline_events_consumer_lag stays 0): XINFO GROUPS has"
                    + " `lag` from Redis 7.0");
            limits.add("entries deleted from the stream while pending are neither counted (events_deleted_on_claim)"
                    + " nor cleared from the pending list by the reaper: XAUTOCLAIM reports them from Redis 7.0");
        }
        return limits;
    }
}
