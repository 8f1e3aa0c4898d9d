package io.redline.deploy.reliability;

import io.redline.testkit.RedisClusterExtension;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** (b) A local Redis Cluster of 3 masters with a replica each ({@code REDIS_MODE=cluster}): the scenario. */
class RedisClusterIT extends WholePlatformScenario {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(1);

    @Override
    Map<String, String> redisEnvironment() {
        return Map.of("REDIS_URL", CLUSTER.seedUrl(), "REDIS_MODE", "cluster");
    }

    @Override
    RedissonClient redis() {
        return CLUSTER.client();
    }
}
