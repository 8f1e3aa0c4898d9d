package io.redline.gateway.origin;

import io.redline.core.concurrent.Futures;
import io.redline.core.lifecycle.Managed;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentSourceRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Calls the origin with Jetty's asynchronous {@link HttpClient}, HTTP/1.1, without following redirects and
 * without blocking a thread. Bodies up to {@code maxBufferedBytes} are read into memory; larger ones are handed on
 * as a {@link StreamedBody} once their first part has arrived.
 *
 * <p>Timeouts: {@code connectTimeout} to connect; {@code timeout} for the status, the headers and the first part of
 * the body (the whole of a buffered one); and {@code timeout} again as the idle timeout of the exchange, so that a
 * streamed body that stalls for that long is aborted and its connection closed.
 */
public final class OriginClient implements Managed {

    /**
     * Connections to the origin at most, per gateway. Requests beyond wait in the client's queue (Jetty's default,
     * 1024 per origin), and beyond that fail as unavailable (502).
     */
    public static final int MAX_CONNECTIONS = 256;
    /** How long a pooled connection may stay unused: below the common 30 s of servers, so the gateway closes first. */
    static final Duration POOL_IDLE_TIMEOUT = Duration.ofSeconds(20);

    private final URI origin;
    private final HttpClient client;
    private final Duration timeout;
    private final int maxBufferedBytes;

    /** @param executor where the client reads and delivers answers; nothing it runs blocks */
    public OriginClient(URI origin, Duration connectTimeout, Duration timeout, int maxBufferedBytes,
                        Executor executor) {
        this.origin = origin;
        this.timeout = timeout;
        this.maxBufferedBytes = maxBufferedBytes;
        this.client = new HttpClient();
        client.setName("origin-client");
        client.setExecutor(executor);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(POOL_IDLE_TIMEOUT.toMillis());
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS);
        // the gateway relays what the client and the origin said: no User-Agent or Content-Type of the client's own
        client.setUserAgentField(null);
        client.setDefaultRequestContentType(null);
    }

    @Override
    public void start() throws Exception {
        client.start();
        // bodies pass as the origin encoded them: no Accept-Encoding of the client's own, no decoding
        client.getContentDecoderFactories().clear();
    }

    @Override
    public void stop() throws Exception {
        client.stop();
    }

    /**
     * @return the response; fails with {@link OriginUnavailableException} or {@link OriginTimeoutException}
     */
    public CompletableFuture<OriginResponse> send(OriginRequest call) {
        Request request = client.newRequest(origin.getHost(), port())
                .scheme(origin.getScheme())
                .version(HttpVersion.HTTP_1_1)
                .method(call.method())
                // the raw text as Jetty parsed it from the client: no URI parsing that could refuse it
                .path(basePath() + call.pathAndQuery())
                .idleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        String connection = call.headers().stream().filter(h -> h.name().equalsIgnoreCase("connection"))
                .map(Header::value).findFirst().orElse(null);
        request.headers(headers -> {
            for (Header header : call.headers()) {
                if (header.name().equalsIgnoreCase(HttpHeader.HOST.asString())) {
                    headers.put(HttpHeader.HOST, header.value());
                } else if (!HopByHop.isHopByHop(header.name(), connection)) {
                    headers.add(header.name(), header.value());
                }
            }
        });
        if (call.body() != null) {
            request.body(new ContentSourceRequestContent(call.body(), null));
        }
        CompletableFuture<OriginResponse> result = new CompletableFuture<>();
        ResponseReader reader = new ResponseReader(result, maxBufferedBytes);
        request.onResponseContentSource(reader);
        // not Jetty's request timeout, which would also cut a streamed body that is still flowing
        Scheduler.Task deadline = client.getScheduler().schedule(() -> {
            if (!result.isDone()) {
                request.abort(new TimeoutException("no answer within " + timeout.toMillis() + " ms"));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((answer, error) -> deadline.cancel());
        request.send(reader);
        return result.exceptionally(error -> {
            throw translate(error);
        });
    }

    private int port() {
        if (origin.getPort() > 0) {
            return origin.getPort();
        }
        return "https".equals(origin.getScheme()) ? 443 : 80;
    }

    /** The path of {@code ORIGIN_URL}, such as {@code /api}, before every request's path. */
    private String basePath() {
        String base = origin.getRawPath() == null ? "" : origin.getRawPath();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private RuntimeException translate(Throwable error) {
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof OriginTimeoutException || cause instanceof OriginUnavailableException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
            return new OriginTimeoutException("origin " + origin + " did not answer in time: " + cause.getMessage(),
                    cause);
        }
        if (cause instanceof Error) {
            return new CompletionException(cause);
        }
        // refused, reset, closed early, an unreadable answer, a full queue: the origin cannot be used
        return new OriginUnavailableException("origin " + origin + " is unavailable: " + cause, cause);
    }
}
