package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.DocumentedFamilies;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.PrometheusTextRules;
import io.redline.testkit.Promtool;
import io.redline.testkit.RedisExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redisson.api.stream.StreamAddArgs;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shaded jar's commands as an operator runs them. */
class EventsJarIT {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final Path JAR = Path.of("target", "redline-event-workers.jar");

    @Test
    void simulateThenWorkThenDeadLettersListedAndRequeued() throws Exception {
        Map<String, String> env = Map.of("REDIS_URL", REDIS.redis().url(), "REDLINE_NAMESPACE", "jar");
        JsonNode summary = Json.mapper().readTree(run(env, "simulate", "--orders", "200", "--shuffle",
                "--duplicates", "0.1", "--seed", "3", "--prefix", "j"));
        assertEquals(200, summary.get("orders").asInt());
        assertTrue(summary.get("events").asInt() >= 600);
        // emit refuses what the workers would dead-letter, so the bad entry comes from a careless producer
        REDIS.client().<String, String>getStream(new RedlineKeys(new KeyNamespace("jar")).eventStream(),
                RedisCodecs.STRING).add(StreamAddArgs.entries(Map.of("type", "order.paid", "payload",
                "{\"amount\":1}", "timestamp", String.valueOf(System.currentTimeMillis()))));

        int admin = FreePorts.find();
        Map<String, String> workerEnv = new HashMap<>(env);
        workerEnv.put("ADMIN_PORT", String.valueOf(admin));
        try (ChildJvm worker = ChildJvm.startJar(JAR, workerEnv)) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            Awaits.await().until(() -> {
                PrometheusTextRules.Exposition metrics = PrometheusTextRules.check(HttpProbe.get(
                        "http://127.0.0.1:" + admin + "/metrics").body());
                return metrics.value("redline_events_processed_total{type=\"order.shipped\"}") >= 200
                        && metrics.value("redline_events_dead_lettered_total") == 1;
            });
            String page = HttpProbe.get("http://127.0.0.1:" + admin + "/metrics").body();
            PrometheusTextRules.Exposition metrics = PrometheusTextRules.check(page);
            assertTrue(metrics.value("redline_events_age_seconds_count{type=\"order.shipped\"}") >= 200, page);
            assertTrue(metrics.value("redline_events_processing_seconds_count{type=\"order.shipped\"}") >= 200, page);
            Promtool.checkMetrics(page);
            DocumentedFamilies.assertExported(DocumentedFamilies.read(Path.of("..", "docs", "event-workers.md"),
                    Path.of("..", "docs", "configuration.md")), metrics, "redline_");
            worker.terminate();
            assertEquals(0, worker.waitFor(Duration.ofSeconds(30)), worker.stderr());
        }
        List<JsonNode> dead = lines(run(env, "dlq", "list"));
        assertEquals(1, dead.size());
        assertEquals("payload has no orderId (a string)", dead.get(0).get("reason").asText());
        run(env, "dlq", "requeue", dead.get(0).get("id").asText());
        assertEquals(List.of(), lines(run(env, "dlq", "list")));
        JsonNode replay = Json.mapper().readTree(run(env, "replay"));
        assertTrue(replay.get("replayed").asInt() >= 601, replay.toString());
    }

    @Test
    void versionIsTheVersionOfTheBuild() throws Exception {
        try (ChildJvm child = ChildJvm.startJar(JAR, Map.of(), "--version")) {
            assertEquals(0, child.waitFor(Duration.ofSeconds(30)), child.stderr());
            assertTrue(child.stdout().matches("redline-event-workers \\d+\\.\\d+\\.\\d+\\S*\\R"), child.stdout());
        }
    }

    @Test
    void badInputToACommandExitsWith2AndSaysWhy() throws Exception {
        try (ChildJvm child = ChildJvm.startJar(JAR, Map.of(), "simulate", "--orders", "many")) {
            assertEquals(2, child.waitFor(Duration.ofSeconds(30)));
            assertTrue(child.stderr().contains("Invalid value for option '--orders': must be a whole number of at"
                    + " least 1, but was \"many\""),
                    child.stderr());
        }
        try (ChildJvm child = ChildJvm.startJar(JAR, Map.of("REDIS_MODE", "nope"), "dlq", "list")) {
            assertEquals(2, child.waitFor(Duration.ofSeconds(30)));
            assertEquals("redline-event-workers dlq list: configuration error: REDIS_MODE=\"nope\" is invalid: must be"
                    + " one of single, cluster,"
                    + " sentinel", child.stderr().strip());
        }
    }

    private static String run(Map<String, String> env, String... args) throws Exception {
        try (ChildJvm child = ChildJvm.startJar(JAR, env, args)) {
            assertEquals(0, child.waitFor(Duration.ofSeconds(60)), String.join(" ", args) + ": " + child.stderr());
            return child.stdout();
        }
    }

    private static List<JsonNode> lines(String text) {
        return text.lines().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (java.io.IOException e) {
                throw new AssertionError(line, e);
            }
        }).collect(Collectors.toList());
    }
}
