package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.health.HealthCheck;
import io.redline.core.json.RedisCodecs;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

class SingleServerConnectionTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void theClientWritesPlainStringsThatAnyClientCanRead() throws Exception {
        String key = REDIS.keys().key("plain");
        REDIS.client().getBucket(key).set("{\"a\":1}");
        URI uri = URI.create(REDIS.redis().url());
        try (RawRedis raw = new RawRedis(uri.getHost(), uri.getPort())) {
            assertEquals("{\"a\":1}", raw.call("GET", key));
        }
        assertEquals(RedisCodecs.STRING, REDIS.client().getConfig().getCodec());
    }

    @Test
    void theDatabaseOfTheUrlIsUsed() throws Exception {
        RedissonClient db3 = Redisson.create(RedissonConfigs.create(RedisSettings.single(REDIS.redis().url() + "/3"),
                "test-db3"));
        try {
            String key = REDIS.keys().key("in-db-3");
            db3.getBucket(key).set("x");
            URI uri = URI.create(REDIS.redis().url());
            try (RawRedis raw = new RawRedis(uri.getHost(), uri.getPort())) {
                assertEquals(null, raw.call("GET", key));
                assertEquals("OK", raw.call("SELECT", "3"));
                assertEquals("x", raw.call("GET", key));
            }
        } finally {
            db3.shutdown();
        }
    }

    @Test
    void theHealthCheckPingsTheServer() {
        HealthCheck.Result result = new RedisHealthCheck(REDIS::client, RedisMode.SINGLE, Duration.ofSeconds(1))
                .execute();
        assertTrue(result.isHealthy(), result.toString());
        assertEquals("PONG from every node", result.getMessage());
    }

    @Test
    void beforeTheConnectionTheHealthCheckSaysItIsWaiting() {
        HealthCheck.Result result = new RedisHealthCheck(() -> null, RedisMode.SINGLE, Duration.ofSeconds(1))
                .execute();
        assertEquals(false, result.isHealthy());
        assertEquals("waiting for Redis", result.getMessage());
    }
}
