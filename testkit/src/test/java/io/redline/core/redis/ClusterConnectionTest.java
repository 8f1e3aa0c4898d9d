package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.health.HealthCheck;
import io.redline.core.keys.HashTag;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisClusterExtension;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

class ClusterConnectionTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(1);

    @Test
    void keysSpreadOverAllMastersAndReadBack() {
        RedissonClient client = CLUSTER.client();
        for (int i = 0; i < 50; i++) {
            client.getBucket("key-" + i).set("value-" + i);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("value-" + i, client.getBucket("key-" + i).get());
        }
        Set<Integer> slots = IntStream.range(0, 50).map(i -> HashTag.slot("key-" + i) / 5462).boxed()
                .collect(Collectors.toSet());
        assertEquals(3, slots.size(), "50 keys cover the three masters' slot ranges");
    }

    @Test
    void ourSlotComputationMatchesClusterKeyslot() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("prod"));
        int port = CLUSTER.nodes().get(0).port();
        for (String key : new String[] {"foo", "bar", keys.chatHistory("general"), keys.orderProjection("o-1"),
            "x{}y", "{a}{b}", "\u00e9t\u00e9"}) {
            assertEquals(((Long) RawRedis.once(port, "CLUSTER", "KEYSLOT", key)).intValue(), HashTag.slot(key), key);
        }
    }

    @Test
    void theHealthCheckPingsEveryNode() {
        HealthCheck.Result result = new RedisHealthCheck(CLUSTER::client, RedisMode.CLUSTER, Duration.ofSeconds(2))
                .execute();
        assertTrue(result.isHealthy(), result.toString());
    }
}
