package io.redline.core.redis;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.BaseRedisNodes;
import org.redisson.api.redisnode.RedisNodes;

/** Readiness: every Redis node the client uses answers {@code PING} within the timeout. */
public final class RedisHealthCheck extends HealthCheck {

    private final Supplier<RedissonClient> client;
    private final RedisNodes<? extends BaseRedisNodes> nodes;
    private final Duration timeout;

    /**
     * @param client the client, or {@code null} while the process is still waiting for Redis
     */
    public RedisHealthCheck(Supplier<RedissonClient> client, RedisMode mode, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
        switch (mode) {
            case CLUSTER:
                this.nodes = RedisNodes.CLUSTER;
                break;
            case SENTINEL:
                this.nodes = RedisNodes.SENTINEL_MASTER_SLAVE;
                break;
            default:
                this.nodes = RedisNodes.SINGLE;
                break;
        }
    }

    @Override
    protected Result check() {
        RedissonClient current = client.get();
        if (current == null) {
            return Result.unhealthy("waiting for Redis");
        }
        if (current.isShuttingDown() || current.isShutdown()) {
            return Result.unhealthy("Redis client is shut down");
        }
        boolean ok = current.getRedisNodes(nodes).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return ok ? Result.healthy("PONG from every node")
                : Result.unhealthy("a node did not answer PING within " + timeout.toMillis() + " ms");
    }
}
