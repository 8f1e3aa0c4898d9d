package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.gateway.metrics.MetricNames;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's near cache (CACHE_LOCAL_MAX_BYTES) over real HTTP and a real Redis. */
class GatewayNearCacheTest {

    /** A server of the test's own: the test stalls it. */
    private static RedisProcess redis;
    private static TestOrigin origin;
    private RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.server(RedisBinaries.anyServer());
        origin = new TestOrigin();
    }

    @AfterAll
    static void stop() {
        origin.close();
        redis.close();
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aNearCacheHitIsAHitWithTheAgeOfTheOriginsAnswer() throws Exception {
        gateway = new RunningGateway(redis.url(), origin.url(), Map.of("REDLINE_NAMESPACE", "near1"));
        assertEquals("MISS", header(HttpProbe.get(gateway.url("/hello-near")), "X-Cache"));
        assertEquals("HIT", header(HttpProbe.get(gateway.url("/hello-near")), "X-Cache"), "from Redis");
        long hitsBefore = localHits();
        HttpResponse<String> near = HttpProbe.get(gateway.url("/hello-near"));
        assertEquals(hitsBefore + 1, localHits(), "answered from the near cache");
        assertEquals("HIT", header(near, "X-Cache"));
        assertEquals("/hello-near 1", near.body());
        // seconds since the origin answered, as for a hit from Redis (a loaded machine may take a second or two)
        int age = Integer.parseInt(header(near, "Age"));
        assertTrue(age <= 2, "Age " + age);
        // 60 s fresh, jitter only shortens it (by up to 5 %), and the age counts against it
        assertTrue(header(near, "Cache-Status").matches("redline; hit; ttl=(5[5-9]|60)"), header(near, "Cache-Status"));
        assertEquals(1, origin.calls("/hello-near"));
    }

    @Test
    void nearCacheHitsAreAnsweredWhileRedisIsStalledAndTheLimiterFailsOpen() throws Exception {
        gateway = new RunningGateway(redis.url(), origin.url(), Map.of("REDLINE_NAMESPACE", "near2",
                "RATE_LIMIT", "1000000"));
        HttpProbe.get(gateway.url("/hello-stall"));
        HttpProbe.get(gateway.url("/hello-stall"));
        // Redis takes connections but runs no command for 5 s: as stalled as a SIGSTOPped server
        RawRedis.once(redis.port(), "CLIENT", "PAUSE", "5000");
        long start = System.nanoTime();
        HttpResponse<String> answer = HttpProbe.get(gateway.url("/hello-stall"));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(200, answer.statusCode());
        assertEquals("HIT", header(answer, "X-Cache"));
        assertEquals("/hello-stall 1", answer.body());
        assertTrue(millis < 2_000, "answered in " + millis + " ms, within the limiter's 500 ms and not Redis's 5 s");
        assertEquals(1, origin.calls("/hello-stall"));
    }

    private long localHits() {
        return gateway.runtime().metrics().meter(MetricNames.CACHE_LOCAL_LOOKUPS.seriesName("hit")).getCount();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
