package io.redline.gateway.trace;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * The client's request with the headers the origin should see: the gateway span's {@code traceparent} (and the
 * {@code tracestate} that came with it) instead of the client's, and the request's {@code X-Request-Id}.
 */
final class TracedRequest extends Request.Wrapper {

    private final HttpFields headers;

    TracedRequest(Request request, HttpFields headers) {
        super(request);
        this.headers = headers;
    }

    @Override
    public HttpFields getHeaders() {
        return headers;
    }
}
