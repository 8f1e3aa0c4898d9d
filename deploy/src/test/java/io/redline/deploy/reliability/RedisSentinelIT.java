package io.redline.deploy.reliability;

import io.redline.testkit.RedisSentinelExtension;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** (c) Sentinel: a master, a replica and 3 sentinels ({@code REDIS_MODE=sentinel}): the scenario. */
class RedisSentinelIT extends WholePlatformScenario {

    @RegisterExtension
    static final RedisSentinelExtension SENTINEL = new RedisSentinelExtension();

    @Override
    Map<String, String> redisEnvironment() {
        return Map.of("REDIS_URL", SENTINEL.sentinelUrl(), "REDIS_MODE", "sentinel", "REDIS_SENTINEL_MASTER",
                RedisSentinelExtension.MASTER_NAME);
    }

    @Override
    RedissonClient redis() {
        return SENTINEL.client();
    }
}
