package io.redline.testkit;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.redline.core.tracing.Tracing;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A tracing SDK that keeps every ended span in memory (the SDK's {@code InMemorySpanExporter}, exported as each
 * span ends): hand {@link #tracing()} to the processes of a test, several at once if they are to share it, then read
 * {@link #spans()}.
 */
public final class RecordedSpans implements AutoCloseable {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();
    private final Tracing tracing = Tracing.of(sdk);

    public Tracing tracing() {
        return tracing;
    }

    /** The spans ended so far, in the order they ended. */
    public List<SpanData> spans() {
        return exporter.getFinishedSpanItems();
    }

    /** The first ended span that matches. */
    public Optional<SpanData> find(Predicate<SpanData> matching) {
        return spans().stream().filter(matching).findFirst();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
