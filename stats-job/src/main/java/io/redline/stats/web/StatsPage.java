package io.redline.stats.web;

import io.redline.core.json.Json;
import io.redline.stats.dashboard.DashboardReader;
import io.redline.stats.dashboard.DashboardStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /} the page, {@code /app.js} its script, {@code /api/dashboard} the latest snapshot (read live when
 * none is stored yet), {@code /api/history} the stored snapshots, oldest first.
 */
public final class StatsPage extends Handler.Abstract {

    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"});

    private final DashboardStore store;
    private final DashboardReader reader;

    public StatsPage(DashboardStore store, DashboardReader reader) {
        this.store = store;
        this.reader = reader;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            return false;
        }
        String path = request.getHttpURI().getPath();
        switch (path) {
            case "/api/dashboard":
                String latest = store.latest();
                write(response, callback, "application/json", latest != null ? latest : Json.write(reader.pipelined()));
                return true;
            case "/api/history":
                write(response, callback, "application/json", "[" + String.join(",", store.history()) + "]");
                return true;
            default:
                String[] file = FILES.get(path);
                if (file == null) {
                    return false;
                }
                write(response, callback, file[1], load(file[0]));
                return true;
        }
    }

    private static void write(Response response, Callback callback, String type, String body) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", type);
        response.getHeaders().put("Cache-Control", "no-store");
        response.getHeaders().put("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String load(String name) {
        try (InputStream in = StatsPage.class.getResourceAsStream("/io/redline/stats/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing web file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
