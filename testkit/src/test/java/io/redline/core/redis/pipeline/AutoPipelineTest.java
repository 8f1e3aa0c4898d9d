package io.redline.core.redis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.json.RedisCodecs;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** Automatic pipelining against a real Redis, frozen (SIGSTOP) where a test needs calls to pile up. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoPipelineTest {

    private RedisProcess redis;
    private RedissonClient client;

    @BeforeAll
    void start() {
        redis = RedisProcess.server(RedisBinaries.anyServer());
        client = Redisson.create(RedissonConfigs.create(RedisSettings.single(redis.url()), "pipeline-test"));
    }

    @AfterAll
    void stop() {
        client.shutdown();
        redis.close();
    }

    @Test
    void callsThatArriveWhileThePipelineIsBusyLeaveTogetherInTheNextOne() {
        for (int i = 0; i < 50; i++) {
            client.getBucket("busy:" + i, RedisCodecs.STRING).set("v" + i);
        }
        List<Integer> sent = new CopyOnWriteArrayList<>();
        AutoPipeline pipeline = new AutoPipeline(client, 1, 128, sent::add);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        redis.freeze();
        try {
            for (int i = 0; i < 50; i++) {
                String key = "busy:" + i;
                answers.add(pipeline.<String>call(batch -> batch.<String>getBucket(key, RedisCodecs.STRING).getAsync())
                        .toCompletableFuture());
            }
        } finally {
            redis.thaw();
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("v" + i, answers.get(i).orTimeout(10, TimeUnit.SECONDS).join(), "each call its own answer");
        }
        assertEquals(List.of(1, 49), sent, "the first left at once; the other 49 waited for it and left as one");
    }

    @Test
    void noPipelineCarriesMoreThanItsLimit() {
        List<Integer> sent = new CopyOnWriteArrayList<>();
        AutoPipeline pipeline = new AutoPipeline(client, 1, 10, sent::add);
        List<CompletableFuture<Long>> answers = new ArrayList<>();
        redis.freeze();
        try {
            for (int i = 0; i < 25; i++) {
                answers.add(pipeline.<Long>call(batch -> batch.getAtomicLong("limit:counter").incrementAndGetAsync())
                        .toCompletableFuture());
            }
        } finally {
            redis.thaw();
        }
        answers.forEach(answer -> answer.orTimeout(10, TimeUnit.SECONDS).join());
        assertEquals(List.of(1, 10, 10, 4), sent);
        assertEquals(25L, client.getAtomicLong("limit:counter").get(), "every increment ran exactly once");
    }

    @Test
    void aFailingCommandFailsOnlyItsOwnCall() {
        client.getList("wrongtype:list", RedisCodecs.STRING).add("x");
        client.getBucket("wrongtype:good", RedisCodecs.STRING).set("fine");
        AutoPipeline pipeline = new AutoPipeline(client, 1, 128, PipelineEvents.NONE);
        CompletableFuture<String> bad;
        CompletableFuture<String> good;
        redis.freeze();
        try {
            pipeline.<String>call(batch -> batch.<String>getBucket("wrongtype:first", RedisCodecs.STRING).getAsync());
            bad = pipeline.<String>call(batch -> batch.<String>getBucket("wrongtype:list", RedisCodecs.STRING)
                    .getAsync()).toCompletableFuture();
            good = pipeline.<String>call(batch -> batch.<String>getBucket("wrongtype:good", RedisCodecs.STRING)
                    .getAsync()).toCompletableFuture();
        } finally {
            redis.thaw();
        }
        assertEquals("fine", good.orTimeout(10, TimeUnit.SECONDS).join());
        CompletionException error = assertThrows(CompletionException.class,
                () -> bad.orTimeout(10, TimeUnit.SECONDS).join());
        assertTrue(error.getCause().getMessage().contains("WRONGTYPE"), error.getCause().getMessage());
    }

    @Test
    void aCommandThatCannotBeBuiltFailsOnlyItsOwnCall() {
        AutoPipeline pipeline = new AutoPipeline(client, 1, 128, PipelineEvents.NONE);
        CompletableFuture<String> broken = pipeline.<String>call(batch -> {
            throw new IllegalArgumentException("no such key part");
        }).toCompletableFuture();
        CompletionException error = assertThrows(CompletionException.class,
                () -> broken.orTimeout(10, TimeUnit.SECONDS).join());
        assertEquals("no such key part", error.getCause().getMessage());
        client.getBucket("after:broken", RedisCodecs.STRING).set("ok");
        assertEquals("ok", pipeline.<String>call(batch -> batch.<String>getBucket("after:broken", RedisCodecs.STRING)
                .getAsync()).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join(), "the pipeline goes on");
    }

    @Test
    void limitsThatCouldNeverSendAnythingAreRefusedWithTheirValues() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new AutoPipeline(client, 0, 5, PipelineEvents.NONE));
        assertEquals("maxInFlight and maxBatch must be >= 1, but were 0 and 5", error.getMessage());
    }
}
