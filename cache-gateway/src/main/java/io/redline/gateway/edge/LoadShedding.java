package io.redline.gateway.edge;

import io.redline.core.json.Json;
import io.redline.gateway.metrics.GatewayMetrics;
import io.redline.gateway.metrics.Outcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The bound on requests in flight ({@code HTTP_MAX_IN_FLIGHT}), with Jetty's own {@link QoSHandler}: beyond the
 * bound a request is suspended, without a thread, until one in flight ends; as many as the bound may wait, each
 * for at most {@link EdgeConfig#QUEUE_WAIT}. A request that finds the queue full, or whose wait runs out, is shed:
 * {@code 503} with {@code Retry-After: 1} and the gateway's JSON error body, counted as
 * {@code outcome="shed"}. Under overload the gateway so answers quickly, some clients with a refusal, instead of
 * letting every client's wait grow without end and its memory with it.
 */
final class LoadShedding extends QoSHandler {

    static final String RETRY_AFTER_SECONDS = "1";
    private static final byte[] BODY = Json.write(Map.of("error", "Service Unavailable"))
            .getBytes(StandardCharsets.UTF_8);

    private final GatewayMetrics metrics;

    LoadShedding(Handler next, int maxInFlight, GatewayMetrics metrics) {
        super(next);
        this.metrics = metrics;
        setMaxRequestCount(maxInFlight);
        setMaxSuspendedRequestCount(maxInFlight);
        setMaxSuspend(EdgeConfig.QUEUE_WAIT);
        setRejectStatusCode(503);
    }

    /** The queue was full, or a request that timed out in it came back: shed. */
    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        shed(request, response, callback);
    }

    /** The request waited {@link EdgeConfig#QUEUE_WAIT} without a slot freeing: shed. */
    @Override
    protected void expireSuspended(Request request, Response response, Callback callback) {
        shed(request, response, callback);
    }

    private void shed(Request request, Response response, Callback callback) {
        metrics.outcome(Outcome.SHED, Duration.ofNanos(System.nanoTime() - request.getBeginNanoTime()));
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("shed after the answer began"));
            return;
        }
        response.setStatus(503);
        response.getHeaders().put("Retry-After", RETRY_AFTER_SECONDS);
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("Cache-Control", "no-store");
        response.write(true, ByteBuffer.wrap(BODY), callback);
    }
}
