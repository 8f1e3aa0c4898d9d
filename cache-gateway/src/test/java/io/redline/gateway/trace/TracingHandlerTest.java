package io.redline.gateway.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opentelemetry.api.trace.Span;
import io.redline.core.tracing.Tracing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the wrapped handler sees while it runs: the request id in the MDC, and the span as the current one. */
class TracingHandlerTest {

    private static final org.slf4j.Logger HANDLER_LOG = LoggerFactory.getLogger("test.gateway.handler");

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Server server;

    @BeforeEach
    void start() throws Exception {
        lines.start();
        ((Logger) LoggerFactory.getLogger("test.gateway.handler")).addAppender(lines);
        server = new Server(0);
        server.setHandler(new TracingHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                HANDLER_LOG.info("handling {}", request.getHttpURI().getPath());
                String traceparent = request.getHeaders().get("traceparent");
                String body = Span.current().getSpanContext().getTraceId() + " " + traceparent;
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        }, Tracing.off().tracer()));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("test.gateway.handler")).detachAppender(lines);
        server.stop();
    }

    @Test
    void theHandlersLinesCarryTheRequestIdAndTheClientsTraceIsCurrent() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/p"))
                .header("X-Request-Id", "abc-1").header("traceparent", traceparent)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736 " + traceparent, answer.body());
        List<ILoggingEvent> logged = List.copyOf(lines.list);
        assertEquals("handling /p", logged.get(0).getFormattedMessage());
        assertEquals("abc-1", logged.get(0).getMDCPropertyMap().get("request_id"));
    }
}
