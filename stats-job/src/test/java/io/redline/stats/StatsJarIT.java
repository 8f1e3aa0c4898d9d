package io.redline.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.metrics.Family;
import io.redline.stats.metrics.LatestDashboard;
import io.redline.stats.metrics.RunMetrics;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shaded jar as an operator runs it. */
class StatsJarIT {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final Path JAR = Path.of("target", "redline-stats-job.jar");

    @Test
    void runPrintsTheDashboard() throws Exception {
        try (ChildJvm run = ChildJvm.startJar(JAR, Map.of("REDIS_URL", REDIS.redis().url()), "run")) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(60)), run.stderr());
            assertEquals(9, Json.mapper().readTree(run.stdout()).size());
        }
    }

    @Test
    void runEveryExportsItsRunsWithCheckedMetrics() throws Exception {
        int admin = FreePorts.find();
        try (ChildJvm every = ChildJvm.startJar(JAR, Map.of("REDIS_URL", REDIS.redis().url(), "ADMIN_PORT",
                String.valueOf(admin), "REDLINE_NAMESPACE", "every"), "run", "--every", "1s")) {
            String metrics = "http://127.0.0.1:" + admin + "/metrics";
            Awaits.await(Duration.ofSeconds(60)).until(() -> HttpProbe.status(metrics) == 200
                    && PrometheusTextRules.check(HttpProbe.get(metrics).body())
                    .labelNames("redline_stats_dashboard_runs_total").contains("result")
                    && PrometheusTextRules.check(HttpProbe.get(metrics).body())
                    .value("redline_stats_dashboard_runs_total{result=\"done\"}") >= 1);
            String page = HttpProbe.get(metrics).body();
            PrometheusTextRules.Exposition exposition = PrometheusTextRules.check(page);
            assertTrue(exposition.value("redline_stats_dashboard_last_success_timestamp_seconds") > 1.7e9, page);
            assertTrue(exposition.value("redline_stats_dashboard_run_duration_seconds_count") >= 1, page);
            Promtool.checkMetrics(page);
            DocumentedFamilies.assertExported(documentedExcept(LatestDashboard.GENERATED), exposition, "redline_");
            every.terminate();
            assertEquals(0, every.waitFor(Duration.ofSeconds(30)), every.stderr());
        }
    }

    @Test
    void serveExportsWhenTheStoredDashboardWasGenerated() throws Exception {
        Map<String, String> env = Map.of("REDIS_URL", REDIS.redis().url(), "REDLINE_NAMESPACE", "served");
        try (ChildJvm run = ChildJvm.startJar(JAR, env, "run")) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(60)), run.stderr());
        }
        int admin = FreePorts.find();
        Map<String, String> serveEnv = new HashMap<>(env);
        serveEnv.put("ADMIN_PORT", String.valueOf(admin));
        int http = FreePorts.find();
        serveEnv.put("HTTP_PORT", String.valueOf(http));
        try (ChildJvm serve = ChildJvm.startJar(JAR, serveEnv, "serve")) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            // uPlot's webjar (its files and the pom.properties that names its folder) survives the shading
            assertEquals(200, HttpProbe.status("http://127.0.0.1:" + http + "/uplot/uPlot.iife.min.js"));
            String page = HttpProbe.get("http://127.0.0.1:" + admin + "/metrics").body();
            PrometheusTextRules.Exposition exposition = PrometheusTextRules.check(page);
            double generated = exposition.value("redline_stats_dashboard_generated_timestamp_seconds");
            assertTrue(Math.abs(generated - System.currentTimeMillis() / 1000.0) < 120, page);
            Promtool.checkMetrics(page);
            DocumentedFamilies.assertExported(documentedExcept(RunMetrics.RUNS, RunMetrics.RUN_DURATION,
                    RunMetrics.LAST_SUCCESS), exposition, "redline_");
            serve.terminate();
            assertEquals(0, serve.waitFor(Duration.ofSeconds(30)), serve.stderr());
        }
    }

    /** The families of the stats-job page, less those the other mode exports. */
    private static List<DocumentedFamilies.Documented> documentedExcept(Family... otherMode) {
        Set<String> names = Arrays.stream(otherMode).map(Family::name).collect(Collectors.toSet());
        return DocumentedFamilies.read(Path.of("..", "docs", "stats-job.md"), Path.of("..", "docs", "configuration.md"))
                .stream().filter(family -> !names.contains(family.name().replaceFirst("_total$", ""))).toList();
    }

    @Test
    void compareThroughTheDelayProxyPrintsJsonWithTheRatios() throws Exception {
        try (ChildJvm compare = ChildJvm.startJar(JAR, Map.of("REDIS_URL", REDIS.redis().url()), "compare",
                "--iterations", "30", "--warmup", "5", "--latency", "2", "--json")) {
            assertEquals(0, compare.waitFor(Duration.ofSeconds(120)), compare.stderr());
            List<JsonNode> lines = new ArrayList<>();
            for (String line : compare.stdout().strip().split("\n")) {
                lines.add(Json.mapper().readTree(line));
            }
            assertEquals(4, lines.size());
            assertEquals("dashboard.pipelined", lines.get(0).get("scenario").asText());
            assertTrue(lines.get(3).get("sequentialOverPipelinedP50").asDouble() > 3, lines.get(3).toString());
        }
    }

    @Test
    void unknownOptionsExitWith2() throws Exception {
        try (ChildJvm run = ChildJvm.startJar(JAR, Map.of(), "compare", "--iterations", "none")) {
            assertEquals(2, run.waitFor(Duration.ofSeconds(30)));
        }
    }
}
