package io.redline.gateway.bench;

import io.redline.core.bench.BenchResult;
import io.redline.core.bench.Interleaved;
import io.redline.core.bench.LoadRun;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.ratelimit.RateLimit;
import io.redline.core.ratelimit.RateLimiterEvents;
import io.redline.core.ratelimit.RateLimiterSettings;
import io.redline.core.ratelimit.SlidingWindowRateLimiter;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.core.swr.CacheStatus;
import io.redline.core.swr.Cached;
import io.redline.core.swr.Loaded;
import io.redline.core.swr.SwrCache;
import io.redline.core.swr.SwrEvents;
import io.redline.core.swr.SwrPolicy;
import io.redline.core.swr.SwrSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;

/** The scenarios of the gateway benchmark; each uses the same client and concurrency. */
final class Scenarios {

    /** Both limiters get the same rule: 1000 requests per minute for each of 1000 clients. */
    private static final int CLIENTS = 1_000;
    private static final RateLimit RULE = new RateLimit(1_000, Duration.ofMinutes(1));
    private static final String VALUE = "x".repeat(1_024);
    private static final SwrPolicy HOUR = new SwrPolicy(Duration.ofHours(1), Duration.ofHours(2), 0);
    private static final int STAMPEDE_KEYS = 20;
    private static final int STAMPEDE_CALLERS = 200;
    private static final int STAMPEDE_INSTANCES = 3;

    private final RedissonClient redis;
    private final RedisSettings settings;
    private final RedlineKeys keys;

    Scenarios(RedissonClient redis, RedisSettings settings, RedlineKeys keys) {
        this.redis = redis;
        this.settings = settings;
        this.keys = keys;
    }

    /** Redline's limiter and Redisson's {@code RRateLimiter}, same rule, same clients, interleaved rounds. */
    List<BenchResult> limiters(LoadRun load, int rounds) throws Exception {
        SlidingWindowRateLimiter redline = new SlidingWindowRateLimiter(redis, keys,
                RateLimiterSettings.of("bench", RULE), RateLimiterEvents.NONE, Clock.systemUTC());
        List<RRateLimiter> redisson = new ArrayList<>(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            RRateLimiter limiter = redis.getRateLimiter(keys.key("bench:rrl:" + i));
            limiter.trySetRate(RateType.OVERALL, RULE.limit(), RULE.window());
            redisson.add(limiter);
        }
        List<BenchResult> results = Interleaved.run(load, rounds, List.of(
                new Interleaved.Scenario("limiter.redline",
                        () -> redline.acquire(client()).toCompletableFuture().join()),
                new Interleaved.Scenario("limiter.redisson-rratelimiter",
                        () -> redisson.get(ThreadLocalRandom.current().nextInt(CLIENTS)).tryAcquireAsync()
                                .toCompletableFuture().join())));
        Map<String, Object> rule = Map.of("rule", RULE + " per client, " + CLIENTS + " clients");
        return List.of(with(results.get(0), rule), with(results.get(1), rule));
    }

    /** An SWR hit against a bare {@code GET} of a value of the same size: the one-round-trip limit. */
    List<BenchResult> reads(LoadRun load, int rounds) throws Exception {
        SwrCache<String> cache = new SwrCache<>(redis, keys, new SwrSettings("bench", HOUR, Duration.ofSeconds(10)),
                String.class, SwrEvents.NONE, Clock.systemUTC(), () -> 0);
        Supplier<CompletableFuture<Loaded<String>>> origin = () -> CompletableFuture.completedFuture(
                Loaded.store(VALUE));
        cache.get("/hot", origin, HOUR).toCompletableFuture().join();
        RBucket<String> bucket = redis.getBucket(keys.key("bench:bare"), RedisCodecs.STRING);
        bucket.set("{\"storedAt\":0,\"freshUntil\":0,\"value\":\"" + VALUE + "\"}");
        // the same hit, answered by the near cache of the gateway (CACHE_LOCAL_MAX_BYTES) instead of Redis
        SwrCache<String> near = new SwrCache<>(redis, keys, new SwrSettings("bench-near", HOUR,
                Duration.ofSeconds(10)), String.class, SwrEvents.NONE, Clock.systemUTC(), () -> 0, 64L << 20);
        near.get("/hot", origin, HOUR).toCompletableFuture().join();
        List<BenchResult> results = Interleaved.run(load, rounds, List.of(
                new Interleaved.Scenario("swr.hit", () -> hit(cache, origin)),
                new Interleaved.Scenario("redis.bucket-get", () -> bucket.getAsync().toCompletableFuture().join()),
                new Interleaved.Scenario("swr.hit-near-cache", () -> hit(near, origin))));
        near.close();
        Map<String, Object> size = Map.of("valueBytes", VALUE.length());
        return List.of(with(results.get(0), size), with(results.get(1), size), with(results.get(2), size));
    }

    private static void hit(SwrCache<String> cache, Supplier<CompletableFuture<Loaded<String>>> origin) {
        Cached<String> cached = cache.get("/hot", origin, HOUR).toCompletableFuture().join();
        if (cached.status() != CacheStatus.HIT) {
            throw new IllegalStateException("expected a hit, got " + cached.status());
        }
    }

    /**
     * {@value #STAMPEDE_CALLERS} callers, spread over {@value #STAMPEDE_INSTANCES} cache instances with clients of
     * their own, ask for one cold key at once; the origin takes 100 ms.
     */
    BenchResult stampede(int concurrency) throws Exception {
        List<RedissonClient> clients = new ArrayList<>();
        AtomicInteger originCalls = new AtomicInteger();
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        try {
            List<SwrCache<String>> caches = new ArrayList<>();
            for (int i = 0; i < STAMPEDE_INSTANCES; i++) {
                RedissonClient client = Redisson.create(RedissonConfigs.create(settings, "bench-stampede-" + i));
                clients.add(client);
                caches.add(new SwrCache<>(client, keys, new SwrSettings("stampede", HOUR, Duration.ofSeconds(10)),
                        String.class, SwrEvents.NONE, Clock.systemUTC(), () -> 0));
            }
            Supplier<CompletableFuture<Loaded<String>>> origin = () -> {
                originCalls.incrementAndGet();
                return CompletableFuture.supplyAsync(() -> Loaded.store(VALUE),
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            };
            for (int key = 0; key < STAMPEDE_KEYS; key++) {
                List<CompletableFuture<Long>> calls = new ArrayList<>();
                for (int caller = 0; caller < STAMPEDE_CALLERS; caller++) {
                    long begin = System.nanoTime();
                    calls.add(caches.get(caller % STAMPEDE_INSTANCES).get("/cold/" + key, origin, HOUR)
                            .toCompletableFuture().thenApply(cached -> System.nanoTime() - begin));
                }
                calls.forEach(call -> latencies.add(call.join()));
            }
        } finally {
            clients.forEach(RedissonClient::shutdown);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        latencies.sort(Long::compare);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("coldKeys", STAMPEDE_KEYS);
        extra.put("callersPerKey", STAMPEDE_CALLERS);
        extra.put("instances", STAMPEDE_INSTANCES);
        extra.put("originCalls", originCalls.get());
        extra.put("originCallsPerColdKey", (double) originCalls.get() / STAMPEDE_KEYS);
        extra.put("originCallsWithoutCoalescing", STAMPEDE_KEYS * STAMPEDE_CALLERS);
        return new BenchResult("swr.cold-stampede", latencies.size(), latencies.size() / seconds,
                latencies.get(latencies.size() / 2) / 1_000.0,
                latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1_000.0, extra);
    }

    /** The ratios the goals speak of, from the figures of this same run. */
    static BenchResult summary(BenchResult redline, BenchResult redisson, BenchResult swrHit, BenchResult bareGet,
                               BenchResult nearHit, int concurrency) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("concurrency", concurrency);
        extra.put("limiterThroughputRedlineOverRRateLimiter", ratio(redline.opsPerSec(), redisson.opsPerSec()));
        extra.put("swrHitP50OverBareGetP50", ratio(swrHit.p50Micros(), bareGet.p50Micros()));
        extra.put("swrHitThroughputOverBareGet", ratio(swrHit.opsPerSec(), bareGet.opsPerSec()));
        extra.put("swrNearCacheHitThroughputOverBareGet", ratio(nearHit.opsPerSec(), bareGet.opsPerSec()));
        return new BenchResult("summary", 0, 0, 0, 0, extra);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
    }

    private static BenchResult with(BenchResult result, Map<String, Object> more) {
        Map<String, Object> extra = new LinkedHashMap<>(result.extra());
        extra.putAll(more);
        return new BenchResult(result.scenario(), result.operations(), result.opsPerSec(), result.p50Micros(),
                result.p99Micros(), extra);
    }

    private static String client() {
        return "10.0." + ThreadLocalRandom.current().nextInt(CLIENTS / 250) + "."
                + ThreadLocalRandom.current().nextInt(250);
    }
}
