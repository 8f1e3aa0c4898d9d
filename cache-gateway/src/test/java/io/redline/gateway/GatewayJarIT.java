package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.DocumentedFamilies;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.PrometheusTextRules;
import io.redline.testkit.Promtool;
import io.redline.testkit.RedisExtension;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shaded jar as an operator runs it: {@code java -jar redline-cache-gateway.jar [bench]}. */
class GatewayJarIT {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final Path JAR = Path.of("target", "redline-cache-gateway.jar");
    private static TestOrigin origin;

    @BeforeAll
    static void startOrigin() throws Exception {
        origin = new TestOrigin();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @Test
    void theJarServesThroughTheCacheExportsMetricsAndStopsCleanlyOnSigterm() throws Exception {
        int http = FreePorts.find();
        int admin = FreePorts.find();
        try (ChildJvm gateway = ChildJvm.startJar(JAR, Map.of("REDIS_URL", REDIS.redis().url(), "ORIGIN_URL",
                origin.url(), "HTTP_PORT", String.valueOf(http), "ADMIN_PORT", String.valueOf(admin),
                "REDLINE_NAMESPACE", "jar"))) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            assertEquals("MISS", HttpProbe.get("http://127.0.0.1:" + http + "/hello-jar").headers()
                    .firstValue("X-Cache").orElse(""));
            HttpResponse<String> hit = HttpProbe.get("http://127.0.0.1:" + http + "/hello-jar");
            assertEquals("HIT", hit.headers().firstValue("X-Cache").orElse(""));
            assertEquals("/hello-jar 1", hit.body());

            String page = HttpProbe.get("http://127.0.0.1:" + admin + "/metrics").body();
            PrometheusTextRules.Exposition metrics = PrometheusTextRules.check(page);
            assertEquals(1.0, metrics.value("redline_gateway_requests_total{outcome=\"hit\"}"));
            assertEquals(1.0, metrics.value("redline_gateway_requests_total{outcome=\"miss\"}"));
            assertEquals(1.0, metrics.value("redline_gateway_request_duration_seconds_count{outcome=\"hit\"}"));
            assertEquals(1.0, metrics.value("redline_gateway_origin_duration_seconds_count"));
            assertEquals(2.0, metrics.value("redline_gateway_limiter_decisions_total{decision=\"allowed\"}"));
            Promtool.checkMetrics(page);
            DocumentedFamilies.assertExported(DocumentedFamilies.read(Path.of("..", "docs", "cache-gateway.md"),
                    Path.of("..", "docs", "configuration.md")), metrics, "redline_");

            gateway.terminate();
            assertEquals(0, gateway.waitFor(Duration.ofSeconds(30)), gateway.stderr());
        }
    }

    @Test
    void withAnOtlpEndpointTheJarSendsItsSpansOverHttpAndForwardsTheirTraceparent() throws Exception {
        int http = FreePorts.find();
        int admin = FreePorts.find();
        try (OtlpReceiver collector = new OtlpReceiver();
             ChildJvm gateway = ChildJvm.startJar(JAR, Map.of("REDIS_URL", REDIS.redis().url(), "ORIGIN_URL",
                     origin.url(), "HTTP_PORT", String.valueOf(http), "ADMIN_PORT", String.valueOf(admin),
                     "REDLINE_NAMESPACE", "jar-otlp", "OTEL_EXPORTER_OTLP_ENDPOINT", collector.url(),
                     "OTEL_BSP_SCHEDULE_DELAY", "100"))) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            JsonNode echoed = Json.mapper().readTree(HttpProbe.get("http://127.0.0.1:" + http + "/echo").body());
            assertTrue(echoed.at("/headers/traceparent").asText().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]"),
                    echoed.toString());
            Awaits.await().until(() -> collector.posts() > 0);
            assertEquals("application/x-protobuf", collector.contentType());

            gateway.terminate();
            assertEquals(0, gateway.waitFor(Duration.ofSeconds(30)), gateway.stderr());
        }
    }

    @Test
    void anOtlpProtocolTheJarCannotSpeakStopsItWithExitCode2() throws Exception {
        try (ChildJvm gateway = ChildJvm.startJar(JAR, Map.of("ORIGIN_URL", origin.url(),
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"))) {
            assertEquals(2, gateway.waitFor(Duration.ofSeconds(30)), gateway.stderr());
            assertTrue(gateway.stderr().contains("cache-gateway: configuration error: OpenTelemetry: "),
                    gateway.stderr());
        }
    }

    @Test
    void theBenchPrintsOneJsonObjectPerScenario() throws Exception {
        try (ChildJvm bench = ChildJvm.startJar(JAR, Map.of("REDIS_URL", REDIS.redis().url()), "bench",
                "--concurrency", "4", "--seconds", "1", "--warmup", "1", "--json")) {
            assertEquals(0, bench.waitFor(Duration.ofSeconds(120)), bench.stderr());
            List<JsonNode> lines = new ArrayList<>();
            for (String line : bench.stdout().lines().collect(Collectors.toList())) {
                lines.add(Json.mapper().readTree(line));
            }
            assertEquals(List.of("limiter.redline", "limiter.redisson-rratelimiter", "swr.hit", "redis.bucket-get",
                    "swr.hit-near-cache", "swr.cold-stampede", "summary"), lines.stream().map(l -> l.get("scenario").asText())
                    .collect(Collectors.toList()));
            for (JsonNode line : lines.subList(0, 5)) {
                assertTrue(line.get("opsPerSec").asDouble() > 0, line.toString());
                assertTrue(line.get("p99Micros").asDouble() >= line.get("p50Micros").asDouble(), line.toString());
            }
            assertEquals(1.0, lines.get(5).get("originCallsPerColdKey").asDouble(), lines.get(5).toString());
            assertTrue(lines.get(6).has("swrNearCacheHitThroughputOverBareGet"), lines.get(6).toString());
        }
    }

    @Test
    void aBadVariableStopsTheJarWithExitCode2() throws Exception {
        try (ChildJvm gateway = ChildJvm.startJar(JAR, Map.of("RATE_LIMIT", "-3"))) {
            assertEquals(2, gateway.waitFor(Duration.ofSeconds(30)));
            assertEquals(List.of(
                    "cache-gateway: configuration error: ORIGIN_URL is not set: required: the http:// or https:// URL"
                            + " of the origin server",
                    "cache-gateway: configuration error: RATE_LIMIT=\"-3\" is invalid: must be a whole number from"
                            + " 1 to 1000000, or off"), gateway.stderr().lines().sorted().collect(Collectors.toList()));
        }
    }

    /** An OTLP/HTTP collector that only counts what it is sent to {@code /v1/traces}. */
    private static final class OtlpReceiver implements AutoCloseable {

        private final Server server = new Server(0);
        private final AtomicInteger posts = new AtomicInteger();
        private volatile String contentType;

        OtlpReceiver() throws Exception {
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    if ("/v1/traces".equals(request.getHttpURI().getPath())) {
                        contentType = request.getHeaders().get("Content-Type");
                        posts.incrementAndGet();
                    }
                    response.setStatus(200);
                    response.getHeaders().put("Content-Type", "application/x-protobuf");
                    // an empty ExportTraceServiceResponse: every span accepted
                    response.write(true, ByteBuffer.allocate(0), callback);
                    return true;
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        }

        int posts() {
            return posts.get();
        }

        String contentType() {
            return contentType;
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }
}
