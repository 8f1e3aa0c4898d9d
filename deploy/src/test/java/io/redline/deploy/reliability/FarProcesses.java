package io.redline.deploy.reliability;

import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gateway, a chat node and a worker process started beside the runner's platform, as one more replica of each
 * would be, but reaching Redis through a given URL (a fault proxy's): the rest of the platform keeps its direct
 * link. Started from the jars as users run them.
 */
final class FarProcesses implements AutoCloseable {

    private final List<ChildJvm> jvms = new ArrayList<>();
    private final List<Integer> adminPorts = new ArrayList<>();
    private final int gatewayPort = FreePorts.find();
    private final int chatPort = FreePorts.find();
    private final int workerAdminPort;

    private FarProcesses(String redisUrl, int originPort) {
        Map<String, String> redis = Map.of("REDIS_URL", redisUrl, "REDIS_MODE", "single", "LOG_FORMAT", "text");
        start("cache-gateway", redis, Map.of("HTTP_PORT", String.valueOf(gatewayPort),
                "ORIGIN_URL", "http://127.0.0.1:" + originPort, "CACHE_FRESH_TTL", "10s", "CACHE_STALE_TTL", "60s"));
        start("chat-node", redis, Map.of("HTTP_PORT", String.valueOf(chatPort)));
        workerAdminPort = start("event-workers", redis, Map.of("HOSTNAME", "event-workers-far", "CLAIM_IDLE",
                "30s"), "worker");
    }

    static FarProcesses start(String redisUrl, int originPort) {
        return new FarProcesses(redisUrl, originPort);
    }

    private int start(String module, Map<String, String> redis, Map<String, String> own, String... args) {
        int admin = FreePorts.find();
        Map<String, String> env = new java.util.HashMap<>(redis);
        env.putAll(own);
        env.put("ADMIN_PORT", String.valueOf(admin));
        Path jar = Path.of("..", module, "target", "redline-" + module + ".jar").toAbsolutePath().normalize();
        jvms.add(ChildJvm.startJar(jar, env, args));
        adminPorts.add(admin);
        return admin;
    }

    boolean ready() {
        return adminPorts.stream().allMatch(port -> HttpProbe.status("http://127.0.0.1:" + port + "/health/ready")
                == 200);
    }

    boolean alive() {
        return jvms.stream().allMatch(ChildJvm::isAlive);
    }

    int gatewayPort() {
        return gatewayPort;
    }

    int chatPort() {
        return chatPort;
    }

    /** The far worker's entries processed so far, from its metrics. */
    long workerProcessed() throws Exception {
        String prefix = "redline_events_processed_total";
        return HttpProbe.get("http://127.0.0.1:" + workerAdminPort + "/metrics").body().lines()
                .filter(line -> line.startsWith(prefix))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The standard error of every far process, for a failure's message. */
    String logs() {
        StringBuilder logs = new StringBuilder();
        jvms.forEach(jvm -> logs.append(jvm.stderr()).append('\n'));
        return logs.toString();
    }

    @Override
    public void close() throws InterruptedException {
        jvms.forEach(ChildJvm::terminate);
        for (ChildJvm jvm : jvms) {
            jvm.waitFor(java.time.Duration.ofSeconds(20));
            jvm.close();
        }
    }
}
