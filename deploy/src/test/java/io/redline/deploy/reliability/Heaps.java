package io.redline.deploy.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testkit.HttpProbe;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The heap each process of the platform still uses after a full GC ({@code jcmd <pid> GC.run}), read from its
 * own {@code jvm_memory_used_bytes{area="heap"}}: what stays is what the process keeps, so flat from start to end
 * of a soak means no leak.
 */
final class Heaps {

    private Heaps() {
    }

    /** Process name to bytes. */
    static Map<String, Long> afterFullGc(JsonNode platform) throws IOException, InterruptedException {
        return afterFullGc(platform, "");
    }

    /** Process name to bytes, for the processes whose name starts with {@code namePrefix} only. */
    static Map<String, Long> afterFullGc(JsonNode platform, String namePrefix) throws IOException,
            InterruptedException {
        Map<String, Long> heaps = new TreeMap<>();
        for (JsonNode process : platform.get("processes")) {
            if (!process.get("name").asText().startsWith(namePrefix)) {
                continue;
            }
            Process gc = new ProcessBuilder("jcmd", process.get("pid").asText(), "GC.run").redirectErrorStream(true)
                    .start();
            gc.getInputStream().readAllBytes();
            if (!gc.waitFor(30, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new AssertionError("jcmd GC.run failed for " + process);
            }
            String metrics = HttpProbe.get("http://127.0.0.1:" + process.get("adminPort").asInt() + "/metrics")
                    .body();
            heaps.put(process.get("name").asText(), heapUsed(metrics));
        }
        return heaps;
    }

    private static long heapUsed(String metrics) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"}")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no jvm_memory_used_bytes{area=\"heap\"} in /metrics");
    }

    static String inMiB(Map<String, Long> heaps) {
        StringBuilder out = new StringBuilder();
        heaps.forEach((name, bytes) -> out.append(out.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(bytes / (1024 * 1024)).append(" MiB"));
        return out.toString();
    }
}
