package io.redline.deploy.reliability;

import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedisUrl;
import io.redline.core.redis.RedissonConfigs;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** The scenario on one {@code redis-server} of the test's own, which its faults may stop, freeze or fill. */
abstract class OnOneRedis extends WholePlatformScenario {

    final RedisProcess server;
    private RedissonClient client;

    /** @param serverArgs further {@code redis-server} options, e.g. {@code --appendonly yes} */
    OnOneRedis(String... serverArgs) {
        server = RedisProcess.server(RedisBinaries.anyServer(), serverArgs);
    }

    @Override
    Map<String, String> redisEnvironment() {
        return Map.of("REDIS_URL", server.url(), "REDIS_MODE", "single");
    }

    @Override
    synchronized RedissonClient redis() {
        if (client == null) {
            client = Redisson.create(RedissonConfigs.create(new RedisSettings(RedisMode.SINGLE,
                    RedisUrl.parse(server.url(), 6379), null), "reliability-check"));
        }
        return client;
    }

    @AfterAll
    void stopRedis() {
        if (client != null) {
            client.shutdown();
        }
        server.close();
    }
}
