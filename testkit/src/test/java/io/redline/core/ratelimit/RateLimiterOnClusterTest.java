package io.redline.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.pipeline.AutoPipeline;
import io.redline.core.redis.pipeline.PipelineEvents;
import io.redline.testkit.RedisClusterExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void pipelinedDecisionsOfClientsOnEveryMasterAreTakenOneScriptCallPerSlot() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(CLUSTER.client(),
                new AutoPipeline(CLUSTER.client(), 1, 128, PipelineEvents.NONE), new RedlineKeys(KeyNamespace.NONE),
                RateLimiterSettings.of("pipelined", new RateLimit(3, Duration.ofSeconds(10)),
                        new RateLimit(5, Duration.ofMinutes(1))), RateLimiterEvents.NONE, Clock.systemUTC());
        Map<String, List<CompletableFuture<RateLimitDecision>>> byClient = new LinkedHashMap<>();
        for (int round = 0; round < 5; round++) {
            for (int client = 0; client < 40; client++) {
                byClient.computeIfAbsent("10.2.0." + client, id -> new ArrayList<>())
                        .add(limiter.acquire("10.2.0." + client).toCompletableFuture());
            }
        }
        byClient.forEach((id, decisions) -> {
            List<Boolean> allowed = new ArrayList<>();
            decisions.forEach(decision -> allowed.add(decision.orTimeout(10, TimeUnit.SECONDS).join().allowed()));
            assertEquals(List.of(true, true, true, false, false), allowed, id);
        });
    }
}
