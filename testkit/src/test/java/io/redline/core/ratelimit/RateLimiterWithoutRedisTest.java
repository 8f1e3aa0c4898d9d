package io.redline.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** Redis stopped under a running limiter: fail-open lets requests through, fail-closed refuses them, both fast. */
class RateLimiterWithoutRedisTest {

    private static RedisProcess redis;
    private static RedissonClient client;
    private static final List<FailMode> REPORTED = new ArrayList<>();

    @BeforeAll
    static void startThenStopRedis() {
        redis = RedisProcess.server(RedisBinaries.anyServer());
        client = Redisson.create(RedissonConfigs.create(RedisSettings.single(redis.url()), "no-redis-test"));
        redis.stop();
    }

    @AfterAll
    static void cleanUp() {
        client.shutdown();
        redis.close();
    }

    @Test
    void failOpenLetsTheRequestThroughAndSaysSo() {
        RateLimitDecision decision = decide(FailMode.OPEN);
        assertTrue(decision.allowed());
        assertTrue(decision.degraded());
        assertEquals(10, decision.limit());
    }

    @Test
    void failClosedRefusesTheRequestWithRetryAfterOne() {
        RateLimitDecision decision = decide(FailMode.CLOSED);
        assertFalse(decision.allowed());
        assertTrue(decision.degraded());
        assertEquals(1, decision.retryAfterSeconds());
        assertTrue(REPORTED.contains(FailMode.CLOSED));
    }

    private static RateLimitDecision decide(FailMode mode) {
        RateLimiterSettings settings = new RateLimiterSettings("down", List.of(new RateLimit(10, Duration.ofSeconds(
                10))), mode, Duration.ofMillis(300));
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(client, new RedlineKeys(KeyNamespace.NONE),
                settings, new RateLimiterEvents() {
                    @Override
                    public void redisUnavailable(FailMode failMode) {
                        REPORTED.add(failMode);
                    }
                }, Clock.systemUTC());
        long start = System.nanoTime();
        RateLimitDecision decision = limiter.acquire("client").toCompletableFuture().join();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "decided in " + millis + " ms, bounded by the 300 ms timeout");
        return decision;
    }
}
