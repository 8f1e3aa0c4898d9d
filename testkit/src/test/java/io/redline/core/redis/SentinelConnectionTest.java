package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.health.HealthCheck;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisSentinelExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SentinelConnectionTest {

    @RegisterExtension
    static final RedisSentinelExtension SENTINEL = new RedisSentinelExtension();

    @Test
    void writesGoToTheMasterTheSentinelsName() throws Exception {
        SENTINEL.client().getBucket("through-sentinel").set("yes");
        assertEquals("yes", RawRedis.once(SENTINEL.master().port(), "GET", "through-sentinel"));
    }

    @Test
    void theHealthCheckPingsMasterAndReplica() {
        HealthCheck.Result result = new RedisHealthCheck(SENTINEL::client, RedisMode.SENTINEL, Duration.ofSeconds(2))
                .execute();
        assertTrue(result.isHealthy(), result.toString());
    }
}
