package io.redline.testkit;

import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedisUrl;
import io.redline.core.redis.RedissonConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * A real Sentinel group: one master, one replica and three sentinels, all redis-server processes started before
 * the test class and stopped after it. Use as
 * {@code @RegisterExtension static final RedisSentinelExtension SENTINEL = new RedisSentinelExtension();}.
 */
public final class RedisSentinelExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String MASTER_NAME = "redline-master";
    private static final int SENTINELS = 3;

    private final List<RedisProcess> processes = new ArrayList<>();
    private final List<RedisProcess> sentinels = new ArrayList<>();
    private RedisProcess master;
    private RedissonClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path server = RedisBinaries.anyServer();
        master = track(RedisProcess.server(server));
        track(RedisProcess.server(server, "--replicaof", "127.0.0.1", String.valueOf(master.port())));
        for (int i = 0; i < SENTINELS; i++) {
            sentinels.add(track(sentinel(server)));
        }
        Awaits.await().until(this::everySentinelKnowsTheGroup);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.shutdown();
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        processes.clear();
        sentinels.clear();
    }

    /** The sentinels as a list: {@code redis://127.0.0.1:s1,redis://127.0.0.1:s2,...}. */
    public String sentinelUrl() {
        return sentinels.stream().map(RedisProcess::url).collect(Collectors.joining(","));
    }

    public RedisSettings settings() {
        return new RedisSettings(RedisMode.SENTINEL, RedisUrl.parse(sentinelUrl(), 26_379), MASTER_NAME);
    }

    public synchronized RedissonClient client() {
        if (client == null) {
            client = Redisson.create(RedissonConfigs.create(settings(), "test-sentinel"));
        }
        return client;
    }

    public RedisProcess master() {
        return master;
    }

    private RedisProcess track(RedisProcess process) {
        processes.add(process);
        return process;
    }

    private RedisProcess sentinel(Path server) throws IOException {
        int port = FreePorts.find();
        Path dir = RedisProcess.tempDir("sentinel-" + port);
        Path config = dir.resolve("sentinel.conf");
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "dir " + dir,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " 3000",
                "sentinel failover-timeout " + MASTER_NAME + " 10000",
                "sentinel parallel-syncs " + MASTER_NAME + " 1",
                ""));
        return RedisProcess.custom("sentinel:" + port, List.of(server.toString(), config.toString(), "--sentinel"),
                port, dir);
    }

    private boolean everySentinelKnowsTheGroup() throws IOException {
        for (RedisProcess sentinel : sentinels) {
            List<?> replicas = (List<?>) RawRedis.once(sentinel.port(), "SENTINEL", "REPLICAS", MASTER_NAME);
            List<?> peers = (List<?>) RawRedis.once(sentinel.port(), "SENTINEL", "SENTINELS", MASTER_NAME);
            if (replicas.size() != 1 || peers.size() != SENTINELS - 1) {
                return false;
            }
        }
        return true;
    }
}
