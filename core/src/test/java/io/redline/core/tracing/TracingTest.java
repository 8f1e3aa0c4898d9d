package io.redline.core.tracing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.redline.core.config.Env;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Whether a process exports spans, and what it costs when it does not. */
class TracingTest {

    /** The thread of the SDK's batch span processor. */
    private static final String SDK_THREAD = "BatchSpanProcessor";

    @Test
    void withoutAnOtlpEndpointTracingIsTheNoopApiAndStartsNoSdkThread() {
        Set<Thread> before = Set.copyOf(sdkThreads());
        Tracing tracing = Tracing.fromEnvironment("test", Env.of(Map.of("OTEL_SERVICE_NAME", "x")));

        assertSame(Tracing.off(), tracing);
        assertFalse(tracing.enabled());
        Span span = tracing.tracer().spanBuilder("nothing").startSpan();
        assertFalse(span.isRecording());
        span.end();
        assertEquals(before, Set.copyOf(sdkThreads()));
        tracing.shutdown();
    }

    @Test
    void theNoopApiStillPassesARemoteParentThrough() {
        Span span = Tracing.off().tracer().spanBuilder("pass").setParent(TraceParent.parent(TraceParentTest.GOOD))
                .startSpan();
        assertEquals(Optional.of(TraceParentTest.GOOD), TraceParent.of(Context.root().with(span)));
    }

    @Test
    void aDisabledSdkOrNoTraceExporterExportsNothingEvenWithAnEndpoint() {
        assertFalse(Tracing.exports(Env.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
                "OTEL_SDK_DISABLED", "true"))));
        assertFalse(Tracing.exports(Env.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
                "OTEL_TRACES_EXPORTER", "none"))));
        assertTrue(Tracing.exports(Env.of(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "http://127.0.0.1:4318/v1/traces"))));
    }

    @Test
    void anOtlpEndpointStartsTheSdkWhoseThreadStopsAtShutdown() {
        // nothing listens there: the test is about the SDK's life, not about delivery
        Set<Thread> started = new HashSet<>();
        Tracing tracing = Tracing.fromEnvironment("test", Env.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:9")));
        try {
            assertTrue(tracing.enabled());
            Span span = tracing.tracer().spanBuilder("recorded").startSpan();
            assertTrue(span.isRecording());
            span.end();
            assertFalse(sdkThreads().isEmpty(), "the batch span processor's thread runs");
            started.addAll(sdkThreads());
        } finally {
            tracing.shutdown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> started.stream().noneMatch(Thread::isAlive));
    }

    private static List<Thread> sdkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains(SDK_THREAD))
                .collect(Collectors.toList());
    }
}
