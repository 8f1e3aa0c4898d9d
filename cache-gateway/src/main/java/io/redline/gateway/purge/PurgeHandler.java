package io.redline.gateway.purge;

import io.redline.core.concurrent.Futures;
import io.redline.core.json.Json;
import io.redline.core.swr.PurgeResult;
import io.redline.core.swr.SwrCache;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /cache/purge} (docs/cache-gateway.md, "Purge"): removes one entry, or all entries under a prefix,
 * from Redis and from every gateway's near cache. Blocking: it runs on an admin thread.
 */
public final class PurgeHandler extends Handler.Abstract {

    public static final String PATH = "/cache/purge";
    /** The most entries one purge by prefix looks at; beyond, it answers {@code "complete":false}. */
    public static final int MAX_SCANNED = 1_000_000;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long KEY_TIMEOUT_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PurgeHandler.class);

    private final SwrCache<?> cache;
    private final AdminToken token;

    public PurgeHandler(SwrCache<?> cache, AdminToken token) {
        this.cache = cache;
        this.token = token;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put("Allow", "POST");
            return answer(response, callback, 405, Map.of("error", "use POST"));
        }
        String authorization = request.getHeaders().get("Authorization");
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (!token.matches(presented)) {
            response.getHeaders().put("WWW-Authenticate", presented == null ? "Bearer realm=\"redline-admin\""
                    : "Bearer realm=\"redline-admin\", error=\"invalid_token\"");
            return answer(response, callback, 401, Map.of("error", presented == null
                    ? "an Authorization: Bearer <ADMIN_TOKEN> header is required" : "the token is not ADMIN_TOKEN"));
        }
        PurgeRequest purge;
        try {
            purge = PurgeRequest.parse(parameter(request, "key"), parameter(request, "prefix"), body(request));
        } catch (RuntimeException e) {
            // a bad JSON body, a bad field, or a query Jetty cannot decode
            return answer(response, callback, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            if (purge.key() != null) {
                boolean existed = cache.purge(purge.key()).toCompletableFuture()
                        .get(KEY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                result.put("key", purge.key());
                result.put("purged", existed ? 1 : 0);
            } else {
                PurgeResult done = cache.purgePrefix(purge.prefix(), MAX_SCANNED);
                result.put("prefix", purge.prefix());
                result.put("purged", done.purged());
                result.put("scanned", done.scanned());
                result.put("complete", done.complete());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = Futures.unwrap(e);
            LOG.warn("Purge of {} failed: {}", purge, cause.toString());
            return answer(response, callback, 503, Map.of("error", "Redis could not complete the purge: " + cause));
        }
        LOG.info("Purged {}: {}", purge.key() != null ? purge.key() : purge.prefix() + "*", result);
        return answer(response, callback, 200, result);
    }

    private static String parameter(Request request, String name) {
        Fields.Field field = Request.extractQueryParameters(request).get(name);
        return field == null ? null : field.getValue();
    }

    private static String body(Request request) throws Exception {
        long length = request.getLength();
        if (length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        return Content.Source.asString(request, StandardCharsets.UTF_8);
    }

    private static boolean answer(Response response, Callback callback, int status, Map<String, ?> body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("Cache-Control", "no-store");
        response.write(true, ByteBuffer.wrap(Json.write(body).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
