package io.redline.gateway.bench;

import io.redline.core.http.HttpLimits;
import io.redline.core.http.JettyServer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The floor under the gateway in the HTTP benchmark: the gateway's own Jetty server (same connector, same thread
 * pool) answering every request with one file's bytes from memory, with none of the gateway's work (no cache, no
 * limiter, no edge checks, no Redis). What it serves per second is the most any gateway on this server could.
 *
 * <p>{@code java -cp redline-cache-gateway.jar io.redline.gateway.bench.JettyFloor PORT FILE}
 */
public final class JettyFloor {

    private JettyFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: JettyFloor PORT FILE");
            System.exit(2);
        }
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        JettyServer server = new JettyServer("floor-http", Integer.parseInt(args[0]), 200, jetty -> new Static(body),
                Duration.ofSeconds(1), HttpLimits.JETTY_DEFAULTS);
        server.start();
        new CountDownLatch(1).await();
    }

    /** The same bytes for every request, with the headers a cache hit of the gateway carries. */
    private static final class Static extends Handler.Abstract.NonBlocking {

        private final ByteBuffer body;

        Static(byte[] body) {
            this.body = ByteBuffer.wrap(body).asReadOnlyBuffer();
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=60");
            response.getHeaders().put("X-Cache", "HIT");
            response.write(true, body.slice(), callback);
            return true;
        }
    }
}
