package io.redline.gateway.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.redline.core.tracing.TraceParent;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Wraps the gateway's handler: one {@code SERVER} span per request, named after its method, a child of the
 * request's {@code traceparent} when it has a well-formed one (else the root of a new trace); the span ends when
 * the response is complete. The request id ({@link RequestIds}) is in the MDC while the wrapped handler runs on the
 * thread that received the request. The wrapped handler sees a {@link TracedRequest}: what it forwards of the
 * client's headers carries the span's {@code traceparent} and the request id to the origin.
 *
 * <p>With tracing off, the span is the API's no-op one: it keeps the client's trace and span ids, so the client's
 * {@code traceparent} is forwarded as it came, and a malformed one is not forwarded at all.
 */
public final class TracingHandler extends Handler.Wrapper {

    /** Span attributes (OpenTelemetry's HTTP semantic conventions, and the request id). */
    static final String METHOD = "http.request.method";
    static final String PATH = "url.path";
    static final String QUERY = "url.query";
    static final String STATUS = "http.response.status_code";
    static final String REQUEST_ID = "redline.request_id";

    private final Tracer tracer;

    public TracingHandler(Handler handler, Tracer tracer) {
        super(handler);
        this.tracer = tracer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields received = request.getHeaders();
        String requestId = RequestIds.of(received.get(RequestIds.HEADER));
        Context parent = TraceParent.parent(received.get(TraceParent.NAME), received.get(TraceParent.STATE));
        String query = request.getHttpURI().getQuery();
        Span span = tracer.spanBuilder(request.getMethod()).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, request.getMethod())
                .setAttribute(PATH, request.getHttpURI().getPath())
                .setAttribute(REQUEST_ID, requestId)
                .startSpan();
        if (query != null) {
            span.setAttribute(QUERY, query);
        }
        Context context = parent.with(span);
        Request traced = new TracedRequest(request, forwarded(received, context, requestId));
        Callback ending = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                end(span, response.getStatus(), null);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                end(span, response.getStatus(), failure);
                super.failed(failure);
            }
        };
        MDC.put(RequestIds.MDC_KEY, requestId);
        Scope scope = context.makeCurrent();
        try {
            boolean handled = super.handle(traced, response, ending);
            if (!handled) {
                end(span, 404, null);
            }
            return handled;
        } catch (Exception | Error e) {
            end(span, 500, e);
            throw e;
        } finally {
            scope.close();
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** The client's headers, with this request's trace context and id in place of whatever it sent. */
    static HttpFields forwarded(HttpFields received, Context context, String requestId) {
        HttpFields.Mutable headers = HttpFields.build(received);
        headers.remove(TraceParent.NAME);
        headers.remove(TraceParent.STATE);
        TraceParent.of(context).ifPresent(value -> {
            headers.put(TraceParent.NAME, value);
            TraceParent.stateOf(context).ifPresent(state -> headers.put(TraceParent.STATE, state));
        });
        headers.put(RequestIds.HEADER, requestId);
        return headers.asImmutable();
    }

    private static void end(Span span, int status, Throwable failure) {
        if (status > 0) {
            span.setAttribute(STATUS, status);
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.toString());
        } else if (status >= 500) {
            // a server span's 4xx is the client's error, not the gateway's
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
