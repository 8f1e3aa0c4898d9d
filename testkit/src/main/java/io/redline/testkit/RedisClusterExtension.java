package io.redline.testkit;

import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedisUrl;
import io.redline.core.redis.RedissonConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * A real local Redis Cluster of three masters (and optionally one replica each), made of redis-server processes
 * joined with {@code redis-cli --cluster create}; started before the test class and stopped after it.
 * Use as {@code @RegisterExtension static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0);}.
 */
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private static final int MASTERS = 3;

    private final int replicasPerMaster;
    private final List<RedisProcess> nodes = new ArrayList<>();
    private RedissonClient client;

    public RedisClusterExtension(int replicasPerMaster) {
        if (replicasPerMaster < 0 || replicasPerMaster > 1) {
            throw new IllegalArgumentException("replicasPerMaster must be 0 or 1, but was " + replicasPerMaster);
        }
        this.replicasPerMaster = replicasPerMaster;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path cli = RedisBinaries.cliOnPath().orElse(null);
        Assumptions.assumeTrue(cli != null, "the Redis Cluster fixture needs redis-cli on PATH (Debian: redis-tools)");
        Path server = RedisBinaries.anyServer();
        for (int i = 0; i < MASTERS * (1 + replicasPerMaster); i++) {
            nodes.add(RedisProcess.server(server, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "3000"));
        }
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", String.valueOf(replicasPerMaster), "--cluster-yes"));
        Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(create.getInputStream().readAllBytes());
        if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed: " + output);
        }
        Awaits.await().until(this::everyNodeSeesAHealthyCluster);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.shutdown();
        }
        nodes.forEach(RedisProcess::close);
        nodes.clear();
    }

    /** All nodes as a seed list: {@code redis://127.0.0.1:p1,redis://127.0.0.1:p2,...}. */
    public String seedUrl() {
        return nodes.stream().map(RedisProcess::url).collect(Collectors.joining(","));
    }

    public RedisSettings settings() {
        return new RedisSettings(RedisMode.CLUSTER, RedisUrl.parse(seedUrl(), 6379), null);
    }

    /** A cluster-mode client, made on first use and shut down after the class. */
    public synchronized RedissonClient client() {
        if (client == null) {
            client = Redisson.create(RedissonConfigs.create(settings(), "test-cluster"));
        }
        return client;
    }

    public List<RedisProcess> nodes() {
        return List.copyOf(nodes);
    }

    private boolean everyNodeSeesAHealthyCluster() throws IOException {
        for (RedisProcess node : nodes) {
            String info = (String) RawRedis.once(node.port(), "CLUSTER", "INFO");
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + nodes.size())) {
                return false;
            }
        }
        return true;
    }
}
