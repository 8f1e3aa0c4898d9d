package io.redline.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.core.redis.pipeline.AutoPipeline;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Decisions that leave in one pipeline are taken by one script call: in order, each seeing what the ones before it
 * recorded. Redis is frozen (SIGSTOP) while they are asked, so that they are sure to travel together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelinedDecisionsTest {

    private RedisProcess redis;
    private RedissonClient client;
    private final RedlineKeys keys = new RedlineKeys(new KeyNamespace("pipelined"));

    @BeforeAll
    void start() {
        redis = RedisProcess.server(RedisBinaries.anyServer());
        client = Redisson.create(RedissonConfigs.create(RedisSettings.single(redis.url()), "pipelined-test"));
    }

    @AfterAll
    void stop() {
        client.shutdown();
        redis.close();
    }

    @Test
    void decisionsSentTogetherAreTakenInOrderAsSeparateCallsWouldBe() {
        List<Integer> pipelines = new CopyOnWriteArrayList<>();
        SlidingWindowRateLimiter limiter = limiter(new AutoPipeline(client, 1, 128, pipelines::add),
                new RateLimit(5, Duration.ofMinutes(1)), new RateLimit(8, Duration.ofHours(1)));
        List<CompletableFuture<RateLimitDecision>> decisions = new ArrayList<>();
        redis.freeze();
        try {
            decisions.add(limiter.acquire("other").toCompletableFuture());
            for (int i = 0; i < 7; i++) {
                decisions.add(limiter.acquire("10.0.0.7").toCompletableFuture());
            }
            decisions.add(limiter.acquire("other").toCompletableFuture());
        } finally {
            redis.thaw();
        }
        List<RateLimitDecision> answers = new ArrayList<>();
        decisions.forEach(decision -> answers.add(decision.orTimeout(10, TimeUnit.SECONDS).join()));
        assertEquals(List.of(1, 8), pipelines, "the decisions asked while Redis was frozen left as one pipeline");
        List<Integer> remaining = new ArrayList<>();
        for (RateLimitDecision answer : answers.subList(1, 8)) {
            remaining.add(answer.allowed() ? answer.remaining() : -1);
        }
        assertEquals(List.of(4, 3, 2, 1, 0, -1, -1), remaining, "five allowed in order, then denied");
        assertEquals(60, answers.get(6).retryAfterSeconds(), 1, "denied until the first of the five leaves");
        assertEquals(3, answers.get(8).remaining(), "another client counts apart: its second request of two");
        assertEquals(5, client.getScoredSortedSet(keys.rateLimit("pipelined", "10.0.0.7", Duration.ofMinutes(1)))
                .size(), "denied requests were not recorded");
        assertFalse(limiter.acquire("10.0.0.7").toCompletableFuture().join().allowed());
    }

    @Test
    void anUnknownScriptIsLoadedAndTheDecisionsAskedAgain() {
        SlidingWindowRateLimiter limiter = limiter(new AutoPipeline(client, 1, 128, calls -> { }),
                new RateLimit(3, Duration.ofMinutes(1)));
        client.getScript().scriptFlush();
        List<CompletableFuture<RateLimitDecision>> decisions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decisions.add(limiter.acquire("flushed").toCompletableFuture());
        }
        long allowed = decisions.stream().map(decision -> decision.orTimeout(10, TimeUnit.SECONDS).join())
                .filter(decision -> !decision.degraded() && decision.allowed()).count();
        assertEquals(3, allowed);
    }

    private SlidingWindowRateLimiter limiter(AutoPipeline pipeline, RateLimit... limits) {
        return new SlidingWindowRateLimiter(client, pipeline, keys, RateLimiterSettings.of("pipelined", limits),
                RateLimiterEvents.NONE, Clock.systemUTC());
    }
}
