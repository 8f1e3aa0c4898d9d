package io.redline.core.swr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.json.RedisCodecs;
import io.redline.core.redis.RedissonConfigs;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.testkit.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** The in-process near cache of fresh entries in front of Redis, on a real Redis. */
class NearCacheTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final SwrPolicy POLICY = new SwrPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 0);
    private static final long MIB = 1 << 20;

    private final TestClock clock = TestClock.now();
    private final SwrCacheTest.CountingOrigin origin = new SwrCacheTest.CountingOrigin();
    private final Counting events = new Counting();

    @Test
    void aFreshEntryReadFromRedisIsThenServedFromTheNearCacheAsAHitWithItsStoredTime() {
        SwrCache<String> cache = cache(REDIS.client(), "near-hit", clock, MIB, events);
        Cached<String> miss = get(cache, "k");
        clock.advance(Duration.ofSeconds(3));
        assertEquals(CacheStatus.HIT, get(cache, "k").status(), "from Redis, kept nearby");
        assertEquals(0, events.nearHits.get());
        // even with the entry gone from Redis, the near copy answers: Redis was not asked
        REDIS.client().getBucket(EntryKeys.of(REDIS.keys(), "near-hit", "k").entry(), RedisCodecs.STRING).delete();
        Cached<String> near = get(cache, "k");
        assertEquals(CacheStatus.HIT, near.status());
        assertEquals("value-1", near.value());
        assertEquals(miss.storedAt(), near.storedAt(), "the Age header is computed from the origin's answer time");
        assertEquals(1, events.nearHits.get());
        assertEquals(2, events.hits.get(), "a near hit is a hit of the cache too");
        assertEquals(1, origin.calls.get());
    }

    @Test
    void anEntryIsNeverServedFromTheNearCacheOnceStaleSoRefreshAndStaleWhileRevalidateHappenInRedis() {
        SwrCache<String> cache = cache(REDIS.client(), "near-stale", clock, MIB, events);
        get(cache, "k");
        get(cache, "k");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(CacheStatus.STALE, get(cache, "k").status(), "Redis answered: the near copy had expired");
        Awaits.await(Duration.ofSeconds(5)).until(() -> "value-2".equals(get(cache, "k").value()));
        assertEquals(2, origin.calls.get());
    }

    @Test
    void anEntryStoredByOneInstanceIsNotServedFromAnothersNearCacheAfterTheInvalidation() {
        RedissonClient other = Redisson.create(RedissonConfigs.create(REDIS.settings(), "near-other"));
        try {
            // the instances' clocks disagree by 11 s: the refresher finds stale what the reader holds as fresh
            TestClock ahead = TestClock.now();
            ahead.advance(Duration.ofSeconds(11));
            SwrCache<String> refresher = cache(REDIS.client(), "near-invalidate", ahead, MIB, SwrEvents.NONE);
            SwrCache<String> reader = cache(other, "near-invalidate", clock, MIB, events);
            assertEquals(CacheStatus.MISS, get(reader, "k").status());
            assertEquals(CacheStatus.HIT, get(reader, "k").status(), "from Redis, kept nearby");
            assertEquals("value-1", get(reader, "k").value());
            assertEquals(1, events.nearHits.get(), "the reader serves value-1 from its near cache");

            assertEquals(CacheStatus.STALE, get(refresher, "k").status());
            // without the invalidation the reader would serve value-1 until its freshUntil, 10 s of its clock away,
            // and its clock does not move
            Awaits.await(Duration.ofSeconds(2)).until(() -> "value-2".equals(get(reader, "k").value()));
            assertTrue(events.nearInvalidations.get() >= 1, "dropped by the invalidation");
            refresher.close();
            reader.close();
        } finally {
            other.shutdown();
        }
    }

    @Test
    void theNearCacheNeverHoldsMoreBytesThanItsBudget() {
        long budget = 64 * 1024;
        SwrCache<String> cache = cache(REDIS.client(), "near-budget", clock, budget, events);
        String kilobyte = "x".repeat(1000);
        for (int i = 0; i < 300; i++) {
            String key = "k" + i;
            cache.get(key, () -> java.util.concurrent.CompletableFuture.completedFuture(Loaded.store(kilobyte)),
                    POLICY).toCompletableFuture().join();
            cache.get(key, origin, POLICY).toCompletableFuture().join();
            long held = cache.nearCacheBytes();
            assertTrue(held <= budget, "after entry " + i + " the near cache holds " + held + " bytes, over "
                    + budget);
        }
        assertTrue(cache.nearCacheBytes() > budget / 2, "it is used: " + cache.nearCacheBytes());
        assertTrue(events.nearEvictions.get() > 0, "entries were evicted to stay within the budget");
    }

    @Test
    void aBudgetOfZeroTurnsTheNearCacheOff() {
        SwrCache<String> cache = cache(REDIS.client(), "near-off", clock, 0, events);
        get(cache, "k");
        get(cache, "k");
        get(cache, "k");
        assertEquals(0, events.nearHits.get() + events.nearMisses.get());
        assertEquals(0, cache.nearCacheBytes());
    }

    private SwrCache<String> cache(RedissonClient client, String name, Clock clock, long nearBytes,
                                   SwrEvents events) {
        return new SwrCache<>(client, REDIS.keys(), SwrCacheTest.settings(name), String.class, events, clock,
                () -> 0, nearBytes);
    }

    private Cached<String> get(SwrCache<String> cache, String key) {
        return cache.get(key, origin, POLICY).toCompletableFuture().join();
    }

    private static final class Counting implements SwrEvents {
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger nearHits = new AtomicInteger();
        final AtomicInteger nearMisses = new AtomicInteger();
        final AtomicInteger nearEvictions = new AtomicInteger();
        final AtomicInteger nearInvalidations = new AtomicInteger();

        @Override
        public void hit() {
            hits.incrementAndGet();
        }

        @Override
        public void nearHit() {
            nearHits.incrementAndGet();
        }

        @Override
        public void nearMiss() {
            nearMisses.incrementAndGet();
        }

        @Override
        public void nearEvicted() {
            nearEvictions.incrementAndGet();
        }

        @Override
        public void nearInvalidated() {
            nearInvalidations.incrementAndGet();
        }
    }
}
