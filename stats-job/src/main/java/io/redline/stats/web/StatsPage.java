package io.redline.stats.web;

import io.redline.core.json.Json;
import io.redline.stats.dashboard.DashboardReader;
import io.redline.stats.dashboard.DashboardStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /} the page, with its scripts and uPlot's from the jar ({@link WebFiles}); {@code /api/dashboard} the
 * latest snapshot (read live when none is stored yet); {@code /api/history} the stored snapshots, oldest first,
 * or with {@code ?since=MS} only those generated after that millisecond (a bad value answers 400 with a JSON error).
 */
public final class StatsPage extends Handler.Abstract {

    private static final String JSON = "application/json";

    private final DashboardStore store;
    private final DashboardReader reader;
    private final WebFiles files = new WebFiles();

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
                write(response, callback, 200, JSON, latest != null ? latest : Json.write(reader.pipelined()));
                return true;
            case "/api/history":
                history(request, response, callback);
                return true;
            default:
                WebFiles.File file = files.at(path);
                if (file == null) {
                    return false;
                }
                write(response, callback, 200, file.type(), file.body());
                return true;
        }
    }

    private void history(Request request, Response response, Callback callback) {
        long since;
        try {
            since = SinceParameter.parse(Request.extractQueryParameters(request).getValues(SinceParameter.NAME));
        } catch (IllegalArgumentException e) {
            write(response, callback, 400, JSON, Json.write(Map.of("error", e.getMessage())));
            return;
        }
        List<String> snapshots = since < 0 ? store.history() : store.historySince(since);
        write(response, callback, 200, JSON, "[" + String.join(",", snapshots) + "]");
    }

    private static void write(Response response, Callback callback, int status, String type, String body) {
        write(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", type);
        response.getHeaders().put("Cache-Control", "no-store");
        response.getHeaders().put("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
