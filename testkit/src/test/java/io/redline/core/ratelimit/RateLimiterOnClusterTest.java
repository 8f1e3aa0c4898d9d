package io.redline.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.RedisClusterExtension;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimiterOnClusterTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0);

    @Test
    void severalLimitsOfManyClientsAreDecidedInOneSlotEach() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(CLUSTER.client(),
                new RedlineKeys(KeyNamespace.NONE), RateLimiterSettings.of("cluster",
                new RateLimit(3, Duration.ofSeconds(10)), new RateLimit(5, Duration.ofMinutes(1))),
                RateLimiterEvents.NONE, Clock.systemUTC());
        for (int client = 0; client < 20; client++) {
            String id = "10.1.0." + client;
            for (int i = 0; i < 3; i++) {
                assertEquals(2 - i, SlidingWindowRateLimiterTest.acquire(limiter, id).remaining());
            }
            assertFalse(SlidingWindowRateLimiterTest.acquire(limiter, id).allowed());
        }
    }
}
