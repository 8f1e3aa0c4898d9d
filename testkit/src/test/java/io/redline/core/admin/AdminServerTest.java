package io.redline.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.json.Json;
import io.redline.core.metrics.Buckets;
import io.redline.core.metrics.Family;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.RedlineRuntime;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.PrometheusTextRules;
import io.redline.testkit.Promtool;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin endpoints over real HTTP, on a runtime connected to a real Redis. */
class AdminServerTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final Family REQUESTS = Family.counter("test_requests", "Requests, by result.", "result");
    private static final Family LATENCY = Family.histogram("test_latency_seconds", "Latency.", Buckets.LATENCY);
    private static final AtomicBoolean QUEUE_OK = new AtomicBoolean(true);
    private static RedlineRuntime runtime;

    @BeforeAll
    static void startRuntime() throws Exception {
        ConfigReader reader = new ConfigReader(Env.of(Map.of("REDIS_URL", REDIS.redis().url(), "ADMIN_PORT", "0")));
        runtime = new RedlineRuntime("admin-test", CommonConfig.read(reader), context -> {
            REQUESTS.counter(context.metrics(), "ok").mark(3);
            LATENCY.histogram(context.metrics()).observe(Duration.ofMillis(12));
            context.metrics().counter("in.process.only").inc();
            context.threadPools().fixed("admin-test-pool", 1);
            // added once wired, while the admin server already runs
            context.adminRoutes().add("/late", new org.eclipse.jetty.server.Handler.Abstract() {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request,
                                      org.eclipse.jetty.server.Response response,
                                      org.eclipse.jetty.util.Callback callback) {
                    response.setStatus(202);
                    response.write(true, java.nio.ByteBuffer.wrap("late".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)), callback);
                    return true;
                }
            });
            context.health().addReadiness("queue", new HealthCheck() {
                @Override
                protected Result check() {
                    return QUEUE_OK.get() ? Result.healthy("queue reachable") : Result.unhealthy("queue gone");
                }
            });
            return List.of();
        });
        runtime.start();
    }

    @AfterAll
    static void stopRuntime() {
        runtime.stop();
    }

    @Test
    void anEndpointAddedByTheProcessOnceWiredAnswersAndOtherPathsStay404() {
        HttpResponse<String> late = HttpProbe.get(url("/late"));
        assertEquals(202, late.statusCode());
        assertEquals("late", late.body());
        assertEquals(404, HttpProbe.get(url("/late/more")).statusCode());
        assertEquals(200, HttpProbe.get(url("/health/live")).statusCode());
    }

    @Test
    void livenessAnswers200WithItsChecks() throws Exception {
        HttpResponse<String> response = HttpProbe.get(url("/health/live"));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = Json.mapper().readTree(response.body());
        assertEquals("UP", body.get("status").asText());
        assertTrue(body.get("checks").get("deadlocks").get("healthy").asBoolean());
    }

    @Test
    void readinessNamesEveryCheckAndTurns503WhenOneFails() throws Exception {
        JsonNode body = Json.mapper().readTree(HttpProbe.get(url("/health/ready")).body());
        assertEquals("UP", body.get("status").asText());
        assertEquals(List.of("lifecycle", "queue", "redis"), List.copyOf(iterable(body.get("checks").fieldNames())));
        assertEquals("PONG from every node", body.get("checks").get("redis").get("message").asText());

        QUEUE_OK.set(false);
        try {
            HttpResponse<String> response = HttpProbe.get(url("/health/ready"));
            assertEquals(503, response.statusCode());
            JsonNode down = Json.mapper().readTree(response.body());
            assertEquals("DOWN", down.get("status").asText());
            assertEquals("queue gone", down.get("checks").get("queue").get("message").asText());
        } finally {
            QUEUE_OK.set(true);
        }
    }

    @Test
    void metricsFollowThePrometheusTextFormat() {
        HttpResponse<String> response = HttpProbe.get(url("/metrics"));
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(""));
        PrometheusTextRules.Exposition exposition = PrometheusTextRules.check(response.body());
        assertEquals("counter", exposition.type("test_requests_total"));
        assertEquals(3.0, exposition.value("test_requests_total{result=\"ok\"}"));
        assertEquals("histogram", exposition.type("test_latency_seconds"));
        assertEquals(1.0, exposition.value("test_latency_seconds_count"));
        assertEquals(0.012, exposition.value("test_latency_seconds_sum"), 1e-9);
        assertEquals(0.0, exposition.value("test_latency_seconds_bucket{le=\"0.01\"}"));
        assertEquals(1.0, exposition.value("test_latency_seconds_bucket{le=\"0.025\"}"));
    }

    @Test
    void promtoolFindsNothingToSayAboutTheMetricsPage() {
        Promtool.checkMetrics(HttpProbe.get(url("/metrics")).body());
    }

    @Test
    void labelValuesAreLabelsNotPartsOfMetricNames() {
        PrometheusTextRules.Exposition exposition = PrometheusTextRules.check(HttpProbe.get(url("/metrics")).body());
        assertEquals(Set.of("result"), exposition.labelNames("test_requests_total"));
        assertTrue(exposition.families().stream().noneMatch(name -> name.startsWith("test_requests_ok")),
                exposition.families().toString());
    }

    @Test
    void dropwizardMetricsOutsideAFamilyStayInProcess() {
        PrometheusTextRules.Exposition exposition = PrometheusTextRules.check(HttpProbe.get(url("/metrics")).body());
        assertTrue(exposition.families().stream().noneMatch(name -> name.startsWith("in_process")),
                exposition.families().toString());
    }

    @Test
    void theStandardJvmAndProcessMetricsCarryPoolsAndCollectorsAsLabels() {
        PrometheusTextRules.Exposition exposition = PrometheusTextRules.check(HttpProbe.get(url("/metrics")).body());
        assertEquals("gauge", exposition.type("jvm_memory_used_bytes"));
        assertEquals(Set.of("area"), exposition.labelNames("jvm_memory_used_bytes"));
        assertEquals(Set.of("pool"), exposition.labelNames("jvm_memory_pool_used_bytes"));
        assertEquals(Set.of("gc"), exposition.labelNames("jvm_gc_collection_seconds"));
        assertEquals("counter", exposition.type("process_cpu_seconds_total"));
        assertTrue(exposition.value("process_resident_memory_bytes") > 0);
        assertTrue(exposition.families().stream().noneMatch(name -> name.contains("G1_")),
                exposition.families().toString());
    }

    @Test
    void buildInfoNamesTheModuleAndVersion() {
        PrometheusTextRules.Exposition exposition = PrometheusTextRules.check(HttpProbe.get(url("/metrics")).body());
        assertEquals(1.0, exposition.value("redline_build_info{module=\"admin-test\",version=\"dev\"}"));
    }

    @Test
    void threadPoolsExportRunningTasksAsAGaugeAndTheRestAsCounters() {
        PrometheusTextRules.Exposition exposition = PrometheusTextRules.check(HttpProbe.get(url("/metrics")).body());
        assertEquals("gauge", exposition.type("redline_executor_tasks_running"));
        assertEquals("counter", exposition.type("redline_executor_tasks_submitted_total"));
        assertEquals("counter", exposition.type("redline_executor_tasks_completed_total"));
        assertEquals(0.0, exposition.value("redline_executor_tasks_running{pool=\"admin-test-pool\"}"));
    }

    @Test
    void otherMethodsGet405AndUnknownPaths404() {
        HttpResponse<String> post = HttpProbe.send(HttpRequest.newBuilder(URI.create(url("/health/live")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        assertEquals(404, HttpProbe.status(url("/nope")));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + runtime.adminPort() + path;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> items = new java.util.ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }
}
