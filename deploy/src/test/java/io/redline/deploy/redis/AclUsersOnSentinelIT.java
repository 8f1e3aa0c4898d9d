package io.redline.deploy.redis;

import io.redline.testkit.RedisProcess;
import io.redline.testkit.RedisSentinelExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * The users of {@code users.acl} on Sentinel: master and replica load it (the replica and the sentinels log in to
 * the master as admin); the sentinels themselves ask for no password, so the processes send theirs to the
 * servers only.
 */
class AclUsersOnSentinelIT extends AclUsersScenario {

    @RegisterExtension
    static final RedisSentinelExtension SENTINEL = new RedisSentinelExtension().withAcl(SERVERS_ACL);

    @Override
    Map<String, String> redisEnvironment() {
        return Map.of("REDIS_URL", SENTINEL.sentinelUrl(), "REDIS_MODE", "sentinel", "REDIS_SENTINEL_MASTER",
                RedisSentinelExtension.MASTER_NAME);
    }

    @Override
    List<RedisProcess> servers() {
        return List.of(SENTINEL.master(), SENTINEL.replica());
    }

    @Override
    RedissonClient admin() {
        return SENTINEL.client();
    }
}
