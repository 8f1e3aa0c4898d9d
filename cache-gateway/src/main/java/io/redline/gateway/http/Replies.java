package io.redline.gateway.http;

import io.redline.core.json.Json;
import io.redline.core.ratelimit.RateLimitDecision;
import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.HopByHop;
import io.redline.gateway.origin.OriginResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing the gateway's answers. */
final class Replies {

    private Replies() {
    }

    static void rateLimitHeaders(Response response, RateLimitDecision decision) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("X-RateLimit-Limit", String.valueOf(decision.limit()));
        headers.put("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        headers.put("X-RateLimit-Reset", String.valueOf(decision.resetEpochSecond()));
    }

    /** A JSON error such as {@code {"error":"Too Many Requests"}}. */
    static void error(Response response, Callback callback, int status, String error, Map<String, String> headers) {
        response.setStatus(status);
        headers.forEach(response.getHeaders()::put);
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("Cache-Control", "no-store");
        byte[] body = Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The origin's response with the gateway's headers on top; a streamed body is copied as it arrives, without
     * blocking, and aborted on the origin's side if the client goes away.
     *
     * @param withBody false for HEAD
     */
    static void origin(Response response, Callback callback, OriginResponse origin, boolean withBody,
                       Map<String, String> extraHeaders) {
        Content.Source rest = withBody && origin.isStreamed() ? origin.rest().take() : null;
        if (withBody && origin.isStreamed() && rest == null) {
            // another request took this body (a 5xx too large to buffer, shared with the callers that waited)
            error(response, callback, 502, "Bad Gateway", Map.of());
            return;
        }
        response.setStatus(origin.status());
        HttpFields.Mutable headers = response.getHeaders();
        String connection = origin.header("connection").orElse(null);
        for (Header header : origin.headers()) {
            if (!HopByHop.isHopByHop(header.name(), connection)) {
                headers.add(header.name(), header.value());
            }
        }
        extraHeaders.forEach(headers::put);
        if (!withBody) {
            origin.discard();
            response.write(true, null, callback);
            return;
        }
        if (rest == null) {
            response.write(true, ByteBuffer.wrap(origin.body()), callback);
            return;
        }
        // without blocking: the first part, then the rest as the origin sends it and the client takes it
        Callback done = Callback.from(callback::succeeded, failure -> {
            // the client or the origin broke off (or the origin stalled past its idle timeout): abort both sides
            rest.fail(failure);
            callback.failed(failure);
        });
        response.write(false, ByteBuffer.wrap(origin.body()), Callback.from(() -> Content.copy(rest, response, done),
                done::failed));
    }
}
