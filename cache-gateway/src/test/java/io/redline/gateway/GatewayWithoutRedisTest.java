package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.Awaits;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redis goes away under a running gateway: requests still reach the origin, fast, and the cache comes back. */
class GatewayWithoutRedisTest {

    private static RedisProcess redis;
    private static TestOrigin origin;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.server(RedisBinaries.anyServer());
        origin = new TestOrigin();
        // without a near cache, so that a cached key too must go around Redis (GatewayNearCacheTest has one)
        gateway = new RunningGateway(redis.url(), origin.url(), Map.of("CACHE_LOCAL_MAX_BYTES", "0"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        origin.close();
        redis.close();
    }

    @Test
    void theOriginAnswersWhileRedisIsDownAndTheCacheResumesWhenItIsBack() {
        // regression: the detour said fwd=request, which the docs define as "not a cacheable request"
        assertEquals("MISS", cacheHeader(HttpProbe.get(gateway.url("/hello-down"))));
        assertEquals("HIT", cacheHeader(HttpProbe.get(gateway.url("/hello-down"))));

        redis.stop();
        long start = System.nanoTime();
        HttpResponse<String> degraded = HttpProbe.get(gateway.url("/hello-down"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, degraded.statusCode());
        assertEquals("/hello-down 2", degraded.body());
        assertEquals("redline; fwd=bypass; detail=cache-unavailable", degraded.headers().firstValue("Cache-Status").orElse(""));
        assertEquals("100", degraded.headers().firstValue("X-RateLimit-Limit").orElse(""),
                "the limiter fails open and still sends its headers");
        assertTrue(millis < 3_000, "answered in " + millis + " ms without waiting out Redis's retries");

        redis.start();
        Awaits.await().until(() -> "HIT".equals(cacheHeader(HttpProbe.get(gateway.url("/hello-down")))));
    }

    private static String cacheHeader(HttpResponse<String> response) {
        return response.headers().firstValue("X-Cache").orElse("");
    }
}
