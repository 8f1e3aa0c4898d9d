package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.redline.core.json.Json;
import io.redline.core.tracing.TraceParent;
import io.redline.testkit.Awaits;
import io.redline.testkit.RecordedSpans;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server span per request, and the trace context and request id the origin receives. */
class GatewayTracingTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
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
    void aRequestsTraceparentIsContinuedByTheServerSpanWhoseIdTheOriginReceives() throws Exception {
        try (RecordedSpans spans = new RecordedSpans();
             RunningGateway gateway = new RunningGateway(REDIS.redis().url(), origin.url(), Map.of(), spans.tracing())) {
            JsonNode echoed = echo(gateway, "/echo?x=1", "traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01",
                    "tracestate", "vendor=abc", "X-Request-Id", "client-id-1");

            SpanData server = serverSpan(spans);
            assertEquals(CLIENT_TRACE, server.getTraceId());
            assertEquals(CLIENT_SPAN, server.getParentSpanId());
            assertEquals("POST", server.getName());
            assertEquals("/echo", server.getAttributes().asMap().entrySet().stream()
                    .filter(e -> e.getKey().getKey().equals("url.path")).findFirst().orElseThrow().getValue());
            assertEquals(200L, server.getAttributes().asMap().entrySet().stream()
                    .filter(e -> e.getKey().getKey().equals("http.response.status_code")).findFirst().orElseThrow()
                    .getValue());
            assertEquals("00-" + CLIENT_TRACE + "-" + server.getSpanId() + "-01",
                    echoed.at("/headers/traceparent").asText(), "the origin's parent is the gateway's span");
            assertEquals("vendor=abc", echoed.at("/headers/tracestate").asText());
            assertEquals("client-id-1", echoed.at("/headers/x-request-id").asText());
        }
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceAndGetsARequestIdOfItsOwn() throws Exception {
        try (RecordedSpans spans = new RecordedSpans();
             RunningGateway gateway = new RunningGateway(REDIS.redis().url(), origin.url(), Map.of(), spans.tracing())) {
            JsonNode echoed = echo(gateway, "/echo", "X-Request-Id", "bad id\twith spaces");

            SpanData server = serverSpan(spans);
            assertFalse(server.getParentSpanContext().isValid(), "a root span");
            assertParent(server, echoed);
            assertTrue(echoed.at("/headers/x-request-id").asText().matches("[0-9a-f]{32}"),
                    echoed.at("/headers/x-request-id").asText());
        }
    }

    @Test
    void aMalformedTraceparentIsReplacedNotForwarded() throws Exception {
        try (RecordedSpans spans = new RecordedSpans();
             RunningGateway gateway = new RunningGateway(REDIS.redis().url(), origin.url(), Map.of(), spans.tracing())) {
            JsonNode echoed = echo(gateway, "/echo", "traceparent", "00-nonsense-01");

            SpanData server = serverSpan(spans);
            assertFalse(server.getParentSpanContext().isValid());
            assertParent(server, echoed);
        }
    }

    @Test
    void withTracingOffTheClientsTraceparentIsForwardedAsItCameAndAMalformedOneIsDropped() throws Exception {
        try (RunningGateway gateway = new RunningGateway(REDIS.redis().url(), origin.url(), Map.of())) {
            String client = "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01";
            assertEquals(client, echo(gateway, "/echo", "traceparent", client).at("/headers/traceparent").asText());
            assertNull(echo(gateway, "/echo", "traceparent", "00-nonsense-01").get("headers").get("traceparent"));
            assertTrue(TraceParent.isValid(client));
        }
    }

    @Test
    void anOriginFailureEndsTheServerSpanAsAnError() throws Exception {
        try (RecordedSpans spans = new RecordedSpans();
             RunningGateway gateway = new RunningGateway(REDIS.redis().url(), "http://127.0.0.1:9", Map.of(),
                     spans.tracing())) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/anything")))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(502, answer.statusCode());
            SpanData server = serverSpan(spans);
            assertEquals(StatusCode.ERROR, server.getStatus().getStatusCode());
        }
    }

    private static JsonNode echo(RunningGateway gateway, String path, String... headers) throws Exception {
        // a POST: forwarded, not cached, so that every test reaches the origin
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .headers(headers).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.mapper().readTree(answer.body());
    }

    /** The origin's parent is the gateway's span (flags 01, or 03 when the SDK marks its trace id random). */
    private static void assertParent(SpanData server, JsonNode echoed) {
        String traceparent = echoed.at("/headers/traceparent").asText();
        assertTrue(traceparent.startsWith("00-" + server.getTraceId() + "-" + server.getSpanId() + "-"), traceparent);
    }

    private static SpanData serverSpan(RecordedSpans spans) {
        return Awaits.await().until(() -> spans.find(span -> span.getKind() == SpanKind.SERVER),
                found -> found.isPresent()).orElseThrow();
    }
}
