package io.redline.gateway.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers of a cache load: a fixed set, the same whichever client's request caused it, because the answer is
 * stored under a key that holds none of the client's headers and is then served to everyone. A client header that
 * could change the origin's answer (Accept, Accept-Language, Cookie, Authorization, If-*, Range,
 * X-HTTP-Method-Override, X-Forwarded-Host...) would otherwise poison the entry for every other client.
 *
 * <p>Sent: {@code Accept-Encoding: identity} and {@code User-Agent: redline-cache-gateway}; the trace headers
 * {@code traceparent}, {@code tracestate} and {@code X-Request-Id} when the request has them (they only name the
 * request in the origin's logs); and the proxy's own headers ({@link ProxyHeaders#load}).
 */
public final class LoadHeaders {

    public static final String USER_AGENT = "redline-cache-gateway";
    /** Kept from the client's request, lower case. */
    static final Set<String> KEPT = Set.of("traceparent", "tracestate", "x-request-id");

    private LoadHeaders() {
    }

    /** @param client the request's headers */
    static List<Header> of(List<Header> client) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Accept-Encoding", "identity"));
        headers.add(new Header("User-Agent", USER_AGENT));
        for (Header header : client) {
            if (KEPT.contains(header.name().toLowerCase(Locale.ROOT))) {
                headers.add(header);
            }
        }
        return headers;
    }
}
