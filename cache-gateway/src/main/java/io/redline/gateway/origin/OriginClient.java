package io.redline.gateway.origin;

import io.redline.core.concurrent.Futures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Calls the origin. Bodies up to {@code maxBufferedBytes} are read into memory; larger ones are streamed. */
public final class OriginClient {

    private final URI origin;
    private final HttpClient client;
    private final Duration timeout;
    private final int maxBufferedBytes;
    private final Executor bodyReader;

    /**
     * @param executor the HTTP client's own executor
     * @param bodyReader where bodies are read: blocking reads must not run on the client's executor, which
     *                   delivers the data they wait for
     */
    public OriginClient(URI origin, Duration connectTimeout, Duration timeout, int maxBufferedBytes,
                        Executor executor, Executor bodyReader) {
        this.origin = origin;
        this.timeout = timeout;
        this.maxBufferedBytes = maxBufferedBytes;
        this.bodyReader = bodyReader;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * @return the response; fails with {@link OriginUnavailableException} or {@link OriginTimeoutException}
     */
    public CompletableFuture<OriginResponse> send(OriginRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(request.pathAndQuery())).timeout(timeout);
        String connection = request.headers().stream().filter(h -> h.name().equalsIgnoreCase("connection"))
                .map(Header::value).findFirst().orElse(null);
        for (Header header : request.headers()) {
            if (!HopByHop.isHopByHop(header.name(), connection)
                    && !header.name().equalsIgnoreCase("x-forwarded-for")) {
                builder.header(header.name(), header.value());
            }
        }
        String prior = request.priorForwardedFor();
        builder.header("X-Forwarded-For", prior == null || prior.isBlank() ? request.clientAddress()
                : prior + ", " + request.clientAddress());
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofInputStream(request::body);
        builder.method(request.method(), body);
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApplyAsync(this::read, bodyReader)
                .exceptionally(error -> {
                    throw translate(error);
                });
    }

    private URI target(String pathAndQuery) {
        String base = origin.toString();
        if (base.endsWith("/") && pathAndQuery.startsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + pathAndQuery);
    }

    private OriginResponse read(HttpResponse<InputStream> response) {
        List<Header> headers = new ArrayList<>();
        String connection = response.headers().firstValue("connection").orElse(null);
        for (Map.Entry<String, List<String>> field : response.headers().map().entrySet()) {
            if (field.getKey().startsWith(":") || HopByHop.isHopByHop(field.getKey(), connection)) {
                continue;
            }
            field.getValue().forEach(value -> headers.add(new Header(field.getKey(), value)));
        }
        InputStream in = response.body();
        // the request timeout ends with the headers; a body that stalls is cut off by closing its stream
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> closeQuietly(in),
                CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        try {
            byte[] head = in.readNBytes(maxBufferedBytes + 1);
            watchdog.cancel(false);
            if (head.length <= maxBufferedBytes) {
                in.close();
                return new OriginResponse(response.statusCode(), headers, head, null);
            }
            return new OriginResponse(response.statusCode(), headers, head, in);
        } catch (IOException e) {
            throw new UncheckedIOException(watchdog.isDone() && !watchdog.isCancelled()
                    ? new HttpTimeoutException("the body did not arrive within " + timeout.toMillis() + " ms") : e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing only to interrupt a stalled read
        }
    }

    private RuntimeException translate(Throwable error) {
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof HttpTimeoutException) {
            return new OriginTimeoutException("origin " + origin + " did not answer in time: " + cause.getMessage(),
                    cause);
        }
        if (cause instanceof UncheckedIOException && cause.getCause() instanceof HttpTimeoutException) {
            return new OriginTimeoutException("origin " + origin + " did not send the body in time: "
                    + cause.getCause().getMessage(), cause);
        }
        if (cause instanceof ConnectException || cause instanceof IOException
                || cause instanceof UncheckedIOException) {
            return new OriginUnavailableException("origin " + origin + " is unavailable: " + cause, cause);
        }
        return cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
    }
}
