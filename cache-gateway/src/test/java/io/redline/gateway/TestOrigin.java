package io.redline.gateway;

import io.redline.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real origin server for the gateway's tests. Paths: {@code /hello*} (numbered answers), {@code /nostore},
 * {@code /private}, {@code /cookie}, {@code /big} (2 MiB), {@code /slow} (answers after 2 s), {@code /held} (answers once {@link #releaseHeld} is called), {@code /flaky}
 * (200, then 500 once {@link #failFlaky} is set), {@code /missing} (404), {@code /echo} (request path, query, headers
 * and body as JSON, with a Connection-listed header of its own), {@code /validated} (see {@link #validated}),
 * {@code /text} ({@link #TEXT}, {@code text/plain}), {@code /gzipped} ({@link #TEXT} gzipped by the origin itself,
 * {@code Content-Encoding: gzip}).
 */
final class TestOrigin implements AutoCloseable {

    static final int BIG = 2 * 1024 * 1024;
    /** A compressible text of 2000 bytes. */
    static final String TEXT = "All work and no play makes Jack a dull boy. ".repeat(50).substring(0, 2000);

    private final Server server = new Server(0);
    /** The body of {@code /validated}: 26 bytes. */
    static final String VALIDATED_BODY = "abcdefghijklmnopqrstuvwxyz";
    static final String VALIDATED_ETAG = "\"v1\"";
    static final String VALIDATED_LAST_MODIFIED = "Sun, 01 Nov 2026 10:00:00 GMT";

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> partial = new ConcurrentHashMap<>();
    volatile boolean failFlaky;
    /** {@code /held*} requests wait for this, which {@link #releaseHeld()} completes. */
    private final CompletableFuture<Void> held = new CompletableFuture<>();

    TestOrigin() throws Exception {
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = request.getHttpURI().getPath();
                int call = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                answer(path, call, request, response, callback);
                return true;
            }
        });
        server.start();
    }

    /** Answers every {@code /held*} request waiting so far, and any later one at once. */
    void releaseHeld() {
        held.complete(null);
    }

    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    int calls(String path) {
        AtomicInteger count = calls.get(path);
        return count == null ? 0 : count.get();
    }

    /** The {@code 304}s the origin answered on this path. */
    int notModified(String path) {
        AtomicInteger count = notModified.get(path);
        return count == null ? 0 : count.get();
    }

    /** The {@code 206}s the origin answered on this path. */
    int partial(String path) {
        AtomicInteger count = partial.get(path);
        return count == null ? 0 : count.get();
    }

    /** The full {@code 200}s the origin answered on this path (calls less 304s and 206s). */
    int full(String path) {
        return calls(path) - notModified(path) - partial(path);
    }

    static byte[] bigBody() {
        byte[] body = new byte[BIG];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    private void answer(String path, int call, Request request, Response response, Callback callback)
            throws Exception {
        // "/flaky-a" behaves as "/flaky": each test uses paths of its own, so that call counts do not mix
        String route = path.indexOf('-') > 0 ? path.substring(0, path.indexOf('-')) : path;
        switch (route) {
            case "/nostore":
                text(response, callback, 200, "no-store " + call, "Cache-Control", "no-store");
                break;
            case "/private":
                text(response, callback, 200, "private " + call, "Cache-Control", "private, max-age=60");
                break;
            case "/cookie":
                text(response, callback, 200, "cookie " + call, "Set-Cookie", "session=" + call);
                break;
            case "/big":
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap(bigBody()), callback);
                break;
            case "/slow":
                request.getComponents().getScheduler().schedule(() -> text(response, callback, 200, "slow " + call),
                        2, TimeUnit.SECONDS);
                break;
            case "/held":
                held.thenRun(() -> text(response, callback, 200, "held " + call));
                break;
            case "/flaky":
                if (failFlaky) {
                    text(response, callback, 500, "origin failure " + call);
                } else {
                    text(response, callback, 200, "flaky " + call);
                }
                break;
            case "/missing":
                text(response, callback, 404, "not here");
                break;
            case "/echo":
                echo(request, response, callback);
                break;
            case "/validated":
                validated(path, request, response, callback);
                break;
            case "/text":
                text(response, callback, 200, TEXT, "Content-Type", "text/plain;charset=utf-8");
                break;
            case "/gzipped":
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "text/plain;charset=utf-8");
                response.getHeaders().put("Content-Encoding", "gzip");
                response.write(true, ByteBuffer.wrap(gzip(TEXT)), callback);
                break;
            default:
                text(response, callback, 200, path + " " + call, "Content-Type", "text/plain");
        }
    }

    /**
     * A resource with validators ({@link #VALIDATED_ETAG}, {@link #VALIDATED_LAST_MODIFIED}) that answers
     * {@code If-None-Match} with 304 and a {@code Range: bytes=a-b} with 206, as a real origin does. The query's
     * {@code cc} is sent as {@code Cache-Control}, its {@code age} as {@code Age}, its {@code expires} as
     * {@code Expires} (with a {@code Date} of now).
     */
    private void validated(String path, Request request, Response response, Callback callback) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = request.getHttpURI().getQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                        StandardCharsets.UTF_8));
            }
        }
        response.getHeaders().put("ETag", VALIDATED_ETAG);
        response.getHeaders().put("Last-Modified", VALIDATED_LAST_MODIFIED);
        if (query.containsKey("cc")) {
            response.getHeaders().put("Cache-Control", query.get("cc"));
        }
        if (query.containsKey("age")) {
            response.getHeaders().put("Age", query.get("age"));
        }
        if (query.containsKey("expires")) {
            java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
            response.getHeaders().put("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(now));
            response.getHeaders().put("Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    now.plusSeconds(Long.parseLong(query.get("expires")))));
        }
        String ifNoneMatch = request.getHeaders().get("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(VALIDATED_ETAG) || ifNoneMatch.trim().equals("*"))) {
            notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            response.setStatus(304);
            response.write(true, null, callback);
            return;
        }
        String range = request.getHeaders().get("Range");
        if (range != null && range.matches("bytes=\\d+-\\d+")) {
            String[] ends = range.substring("bytes=".length()).split("-");
            int first = Integer.parseInt(ends[0]);
            int last = Math.min(Integer.parseInt(ends[1]), VALIDATED_BODY.length() - 1);
            partial.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            response.getHeaders().put("Content-Range", "bytes " + first + "-" + last + "/" + VALIDATED_BODY.length());
            text(response, callback, 206, VALIDATED_BODY.substring(first, last + 1));
            return;
        }
        text(response, callback, 200, VALIDATED_BODY, "Content-Type", "text/plain");
    }

    static byte[] gzip(String text) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void echo(Request request, Response response, Callback callback) throws Exception {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", request.getMethod());
        echo.put("path", request.getHttpURI().getPath());
        echo.put("query", request.getHttpURI().getQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getLowerCaseName(), field.getValue(), (a, b) -> a + ", " + b);
        }
        echo.put("headers", headers);
        echo.put("body", Content.Source.asString(request, StandardCharsets.UTF_8));
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("Connection", "X-Origin-Secret");
        response.getHeaders().put("X-Origin-Secret", "for the gateway only");
        response.write(true, ByteBuffer.wrap(Json.write(echo).getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static void text(Response response, Callback callback, int status, String body, String... headers) {
        response.setStatus(status);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.getHeaders().put(headers[i], headers[i + 1]);
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("test origin did not stop", e);
        }
    }

    @Override
    public String toString() {
        return "TestOrigin" + Arrays.toString(calls.keySet().toArray());
    }
}
