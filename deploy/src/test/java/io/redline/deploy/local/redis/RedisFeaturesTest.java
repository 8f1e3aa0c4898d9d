package io.redline.deploy.local.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.redis.RedisMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisFeaturesTest {

    @Test
    void redis7HasEveryFeature() {
        assertEquals(Optional.empty(), RedisFeatures.refusal(RedisVersion.parse("7.0.15"), RedisMode.CLUSTER));
        assertTrue(RedisFeatures.limits(RedisVersion.parse("7.2.4")).isEmpty());
    }

    @Test
    void redis62RunsButNamesWhatNeeds7() {
        assertEquals(Optional.empty(), RedisFeatures.refusal(RedisVersion.parse("6.2.6"), RedisMode.SINGLE));
        assertEquals(2, RedisFeatures.limits(RedisVersion.parse("6.2.6")).size());
    }

    @Test
    void aClusterBefore7IsRefusedBecauseChatNeedsShardedPubSub() {
        assertEquals(Optional.of("Redis Cluster 6.2.6 is too old: chat-node publishes with SPUBLISH, which came in"
                + " 7.0.0; use Redis 7.0.0 or newer for a cluster"),
                RedisFeatures.refusal(RedisVersion.parse("6.2.6"), RedisMode.CLUSTER));
    }

    @Test
    void redisBefore62IsRefused() {
        assertEquals(Optional.of("Redis 6.0.9 is too old: event-workers need XAUTOCLAIM, which came in 6.2.0;"
                + " use Redis 6.2.0 or newer"), RedisFeatures.refusal(RedisVersion.parse("6.0.9"), RedisMode.SINGLE));
    }

    @Test
    void versionsCompareByNumberNotText() {
        assertTrue(RedisVersion.parse("6.10.0").compareTo(RedisVersion.parse("6.9.9")) > 0);
        assertEquals("7.0.0", RedisVersion.parse("7").toString());
    }
}
