package io.redline.deploy.local;

import io.redline.core.json.Json;
import io.redline.deploy.local.ports.PortLayout;
import io.redline.deploy.local.process.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code platform.json} in the logs folder: the runner's PID, each process's PID, ports and log, and every port
 * the platform holds, for scripts and tests. Rewritten when a process is restarted, atomically.
 */
final class PlatformFile {

    static final String NAME = "platform.json";

    private PlatformFile() {
    }

    static void write(Path folder, RedisInUse redis, PortLayout ports, List<ChildProcess> children)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runnerPid", ProcessHandle.current().pid());
        Map<String, Object> redisPart = new LinkedHashMap<>();
        redisPart.put("url", redis.maskedUrl());
        redisPart.put("version", redis.version().toString());
        redisPart.put("source", redis.source());
        redisPart.put("pid", redis.pid());
        root.put("redis", redisPart);
        root.put("originPort", ports.port(PortLayout.ORIGIN));
        root.put("dashboardPort", ports.port(PortLayout.STATS_PAGE));
        List<Map<String, Object>> processes = new ArrayList<>();
        for (ChildProcess child : children) {
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("name", child.name());
            process.put("pid", child.pid());
            process.put("adminPort", child.spec().adminPort());
            String http = child.spec().environment().get("HTTP_PORT");
            process.put("httpPort", http == null ? null : Integer.valueOf(http));
            process.put("log", child.spec().log().toString());
            processes.add(process);
        }
        root.put("processes", processes);
        List<Integer> all = new ArrayList<>(ports.all().values());
        if (redis.pid() == null) {
            all.remove(Integer.valueOf(ports.port(PortLayout.REDIS)));
        }
        root.put("ports", all);
        Path temporary = folder.resolve(NAME + ".tmp");
        Files.writeString(temporary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root),
                StandardCharsets.UTF_8);
        Files.move(temporary, folder.resolve(NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
