package io.redline.core.swr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SwrCacheOnClusterTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0);

    private static final SwrPolicy POLICY = new SwrPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 0);

    @Test
    void missHitStaleAndOneLoadPerColdKeyWorkAcrossSlots() {
        TestClock clock = TestClock.now();
        SwrCacheTest.CountingOrigin origin = new SwrCacheTest.CountingOrigin();
        origin.delay = Duration.ofMillis(200);
        SwrCache<String> cache = new SwrCache<>(CLUSTER.client(), new RedlineKeys(KeyNamespace.NONE),
                SwrCacheTest.settings("cluster"), String.class, SwrEvents.NONE, clock, () -> 0);
        for (int key = 0; key < 10; key++) {
            List<CompletableFuture<Cached<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(cache.get("/page/" + key, origin, POLICY).toCompletableFuture());
            }
            calls.forEach(call -> assertEquals(CacheStatus.MISS, call.join().status()));
        }
        assertEquals(10, origin.calls.get(), "one load per cold key");
        assertEquals(CacheStatus.HIT, cache.get("/page/3", origin, POLICY).toCompletableFuture().join().status());
        clock.advance(Duration.ofSeconds(11));
        assertEquals(CacheStatus.STALE, cache.get("/page/3", origin, POLICY).toCompletableFuture().join().status());
        Awaits.await().until(() -> cache.get("/page/3", origin, POLICY).toCompletableFuture().join().status()
                == CacheStatus.HIT);
        assertEquals(11, origin.calls.get());
    }
}
