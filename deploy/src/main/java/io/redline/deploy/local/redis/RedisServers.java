package io.redline.deploy.local.redis;

import io.redline.core.redis.RedisMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/** Reads what the servers behind a client are. */
public final class RedisServers {

    private RedisServers() {
    }

    /** The oldest version among the masters: what every module can count on. */
    public static RedisVersion oldestMasterVersion(RedissonClient redis, RedisMode mode) {
        Collection<? extends RedisNode> masters = switch (mode) {
            case CLUSTER -> redis.getRedisNodes(RedisNodes.CLUSTER).getMasters();
            case SENTINEL -> List.of(redis.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster());
            default -> List.of(redis.getRedisNodes(RedisNodes.SINGLE).getInstance());
        };
        return masters.stream()
                .map(node -> node.info(RedisNode.InfoSection.SERVER))
                .map(RedisServers::version)
                .min(RedisVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("Redis reported no master"));
    }

    private static RedisVersion version(Map<String, String> info) {
        String version = info.get("redis_version");
        if (version == null) {
            throw new IllegalStateException("INFO server holds no redis_version");
        }
        return RedisVersion.parse(version);
    }
}
