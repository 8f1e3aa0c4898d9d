package io.redline.deploy.redis;

import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.RedisProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** The users of {@code users.acl} on a Redis Cluster of 3 masters with a replica each, every node loading it. */
class AclUsersOnClusterIT extends AclUsersScenario {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(1).withAcl(SERVERS_ACL);

    @Override
    Map<String, String> redisEnvironment() {
        return Map.of("REDIS_URL", CLUSTER.seedUrl(), "REDIS_MODE", "cluster");
    }

    @Override
    List<RedisProcess> servers() {
        return CLUSTER.nodes();
    }

    @Override
    RedissonClient admin() {
        return CLUSTER.client();
    }
}
