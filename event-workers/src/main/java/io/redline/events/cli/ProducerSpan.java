package io.redline.events.cli;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.redline.core.config.Env;
import io.redline.core.tracing.Tracing;
import java.util.function.IntSupplier;

/**
 * A producing command's work inside one {@code PRODUCER} span ({@code emit}, {@code simulate}), so that the entries
 * it writes carry its {@code traceparent} and the workers' spans continue its trace. With no OTLP endpoint set,
 * the no-op API: no span, no field.
 */
final class ProducerSpan {

    /** The {@code service.name} of the commands' spans, unless {@code OTEL_SERVICE_NAME} says otherwise. */
    static final String SERVICE = "event-workers";

    private ProducerSpan() {
    }

    /** Runs the work in a span named {@code name}, then exports it before the command exits. */
    static int run(String name, IntSupplier work) {
        Tracing tracing = Tracing.fromEnvironment(SERVICE, Env.system());
        Span span = tracing.tracer().spanBuilder(name).setSpanKind(SpanKind.PRODUCER).startSpan();
        Scope scope = span.makeCurrent();
        try {
            int code = work.getAsInt();
            if (code != 0) {
                span.setStatus(StatusCode.ERROR, "exit code " + code);
            }
            return code;
        } finally {
            scope.close();
            span.end();
            tracing.shutdown();
        }
    }
}
