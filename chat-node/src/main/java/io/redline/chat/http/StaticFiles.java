package io.redline.chat.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The web page's files, served from the jar: no CDN, no build step. */
final class StaticFiles {

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/style.css", "style.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** @return false when the path is not one of the page's files */
    boolean serve(String path, Response response, Callback callback) {
        String name = FILES.get(path);
        if (name == null) {
            return false;
        }
        byte[] body = cache.computeIfAbsent(name, StaticFiles::load);
        response.setStatus(200);
        response.getHeaders().put("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.getHeaders().put("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/io/redline/chat/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing web file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
