package io.redline.core.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C Trace Context {@code traceparent} value ({@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}):
 * read into a parent {@link Context}, and written from the current span. Always W3C, whatever
 * {@code OTEL_PROPAGATORS} says: the stream field and the chat message field are named after it.
 *
 * <p>A value that is absent or malformed gives {@link Context#root()}: whatever carries it is handled as if it
 * had none, never refused.
 */
public final class TraceParent {

    /** The HTTP header, the stream entry field and the chat message field. */
    public static final String NAME = "traceparent";
    /** The HTTP header of vendor-specific trace state that goes with it (headers only). */
    public static final String STATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = (carrier, key) -> carrier == null ? null
            : carrier.get(key);

    private TraceParent() {
    }

    /** The parent a {@code traceparent} value names, or {@link Context#root()} if it is absent or malformed. */
    public static Context parent(String traceparent) {
        return parent(traceparent, null);
    }

    /** As {@link #parent(String)}, with the {@code tracestate} that came with it (may be {@code null}). */
    public static Context parent(String traceparent, String tracestate) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(NAME, traceparent.trim());
        if (tracestate != null) {
            carrier.put(STATE, tracestate);
        }
        return W3C.extract(Context.root(), carrier, MAP);
    }

    /** Whether a {@code traceparent} value is well formed (and names a valid trace and span). */
    public static boolean isValid(String traceparent) {
        return Span.fromContext(parent(traceparent)).getSpanContext().isValid();
    }

    /** The {@code traceparent} of the current span, if there is a valid one. */
    public static Optional<String> current() {
        return of(Context.current());
    }

    /** The {@code traceparent} of the span in {@code context}, if there is a valid one. */
    public static Optional<String> of(Context context) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return Optional.ofNullable(carrier.get(NAME));
    }

    /** The {@code tracestate} of the span in {@code context}, if it has one. */
    public static Optional<String> stateOf(Context context) {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return Optional.ofNullable(carrier.get(STATE));
    }
}
