package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.RedlineRuntime;
import io.redline.core.tracing.TraceParent;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.event.EventFields;
import io.redline.gateway.Gateway;
import io.redline.gateway.GatewayConfig;
import io.redline.testkit.Awaits;
import io.redline.testkit.FreePorts;
import io.redline.testkit.RecordedSpans;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.stream.StreamAddArgs;

/**
 * One trace from a client's request through the gateway to the worker that applies the order it caused: the
 * origin behind the gateway writes the order event with the {@code traceparent} it received, and the worker's
 * span continues it. Gateway and worker run in this JVM and share one in-memory span exporter.
 */
class GatewayToWorkerTraceTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "b7ad6b7169203331";

    @Test
    void theWorkersSpanForTheOrderIsInTheTraceOfTheGatewayRequestThatCausedIt() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("trace-e2e"));
        try (RecordedSpans spans = new RecordedSpans();
             OrderOrigin origin = new OrderOrigin(keys);
             RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of(), null,
                     WorkerEvents.NONE, spans.tracing());
             GatewayProcess gateway = new GatewayProcess(origin.url(), "trace-e2e", spans)) {
            HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + gateway.port + "/orders"))
                    .header("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"e2e-1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, placed.statusCode(), placed.body());

            SpanData worker = await(spans, span -> span.getKind() == SpanKind.CONSUMER);
            SpanData server = await(spans, span -> span.getKind() == SpanKind.SERVER);
            // client -> gateway (SERVER) -> worker (CONSUMER), the origin having passed the gateway's context on
            assertEquals(CLIENT_TRACE, server.getTraceId());
            assertEquals(CLIENT_SPAN, server.getParentSpanId());
            assertEquals(server.getTraceId(), worker.getTraceId());
            assertEquals(server.getSpanId(), worker.getParentSpanId());
            assertEquals("e2e-1", worker.getAttributes().get(
                    AttributeKey.stringKey("redline.order.id")));
            assertTrue(REDIS.client().getMap(keys.orderProjection("e2e-1"), RedisCodecs.STRING).isExists(),
                    "the order was applied");
        }
    }

    private static SpanData await(RecordedSpans spans, Predicate<SpanData> matching) {
        return Awaits.await().until(() -> spans.find(matching), Optional::isPresent).orElseThrow();
    }

    /** A whole gateway process (runtime, Redis, Jetty) in this JVM, tracing into the shared exporter. */
    private static final class GatewayProcess implements AutoCloseable {

        final int port = FreePorts.find();
        final RedlineRuntime runtime;

        GatewayProcess(String originUrl, String namespace, RecordedSpans spans) throws Exception {
            ConfigReader reader = new ConfigReader(Env.of(Map.of("REDIS_URL", REDIS.redis().url(),
                    "ORIGIN_URL", originUrl, "HTTP_PORT", String.valueOf(port), "ADMIN_PORT", "0",
                    "REDLINE_NAMESPACE", namespace)));
            CommonConfig common = CommonConfig.read(reader);
            GatewayConfig config = GatewayConfig.read(reader);
            reader.throwIfInvalid();
            runtime = new RedlineRuntime("cache-gateway-trace-test", common,
                    context -> new Gateway(config, context).parts(), spans.tracing());
            runtime.start();
        }

        @Override
        public void close() {
            runtime.stop();
        }
    }

    /**
     * The shop behind the gateway: {@code POST /orders} writes an {@code order.created} event carrying the
     * {@code traceparent} the request came with, as an instrumented service would, and answers 201.
     */
    private static final class OrderOrigin implements AutoCloseable {

        private final Server server = new Server(0);

        OrderOrigin(RedlineKeys keys) throws Exception {
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    Map<String, String> fields = new LinkedHashMap<>(EventFields.of("order.created",
                            "{\"orderId\":\"e2e-1\",\"items\":[{\"sku\":\"A\",\"qty\":1,\"price\":2.5}],\"total\":2.5}",
                            String.valueOf(System.currentTimeMillis())));
                    String traceparent = request.getHeaders().get(TraceParent.NAME);
                    if (traceparent != null) {
                        fields.put(EventFields.TRACEPARENT, traceparent);
                    }
                    REDIS.client().<String, String>getStream(keys.eventStream(), RedisCodecs.STRING)
                            .add(StreamAddArgs.entries(fields));
                    response.setStatus(201);
                    response.write(true, ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)), callback);
                    return true;
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }
}
