package io.redline.gateway.http;

import io.redline.core.json.Json;
import io.redline.core.ratelimit.RateLimitDecision;
import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.HopByHop;
import io.redline.gateway.origin.OriginResponse;
import java.io.IOException;
import java.io.OutputStream;
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
     * The origin's response with the gateway's headers on top; a streamed body is copied as it arrives.
     *
     * @param withBody false for HEAD
     */
    static void origin(Response response, Callback callback, OriginResponse origin, boolean withBody,
                       Map<String, String> extraHeaders) {
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
            closeQuietly(origin);
            response.write(true, null, callback);
            return;
        }
        if (!origin.isStreamed()) {
            response.write(true, ByteBuffer.wrap(origin.body()), callback);
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(origin.body());
            origin.rest().transferTo(out);
        } catch (IOException e) {
            // the client or the origin broke off: the response cannot be completed
            callback.failed(e);
            return;
        } finally {
            closeQuietly(origin);
        }
        callback.succeeded();
    }

    private static void closeQuietly(OriginResponse origin) {
        if (origin.rest() != null) {
            try {
                origin.rest().close();
            } catch (IOException e) {
                // the body is abandoned either way
            }
        }
    }
}
