package io.redline.gateway.edge;

import io.redline.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets only the methods of a web API through to the origin; any other gets {@code 405} with {@code Allow}.
 * {@code TRACE} would echo a client's headers back (cross-site tracing), {@code CONNECT} would ask the gateway to
 * open a tunnel it does not offer, and an unknown method is nothing an origin behind a cache is known to expect.
 */
final class MethodFilter extends Handler.Wrapper {

    static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final byte[] BODY = Json.write(Map.of("error", "Method Not Allowed"))
            .getBytes(StandardCharsets.UTF_8);

    MethodFilter(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (ALLOWED.contains(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        response.setStatus(405);
        response.getHeaders().put("Allow", ALLOW);
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("Cache-Control", "no-store");
        response.write(true, ByteBuffer.wrap(BODY), callback);
        return true;
    }
}
