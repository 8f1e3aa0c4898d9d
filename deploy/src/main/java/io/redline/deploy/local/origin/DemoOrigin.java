package io.redline.deploy.local.origin;

import io.redline.core.http.JettyServer;
import io.redline.core.lifecycle.Managed;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The demo origin on its own port. Every answer is delayed by 5-30 ms, {@code /slow} by 1.5 s, and {@code /flaky}
 * fails with 500 one time in three; the delays are scheduled, so no thread waits for them.
 */
public final class DemoOrigin implements Managed {

    static final Duration SLOW = Duration.ofMillis(1500);

    private final JettyServer server;

    public DemoOrigin(int port, Catalog catalog) {
        this.server = new JettyServer("demo-origin", port, 16, new OriginHandler(new CatalogApi(catalog)),
                Duration.ofSeconds(2));
    }

    @Override
    public void start() throws Exception {
        server.start();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }

    private static final class OriginHandler extends Handler.Abstract {

        private final CatalogApi api;

        OriginHandler(CatalogApi api) {
            this.api = api;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long delayMillis = path.equals("/slow") ? SLOW.toMillis() : random.nextLong(5, 31);
            CatalogApi.Answer answer;
            if (path.equals("/slow")) {
                answer = new CatalogApi.Answer(200, "{\"slow\":true,\"delayMillis\":" + SLOW.toMillis() + "}");
            } else if (path.equals("/flaky")) {
                answer = random.nextInt(3) == 0 ? new CatalogApi.Answer(500, "{\"error\":\"Internal Server Error\"}")
                        : new CatalogApi.Answer(200, "{\"flaky\":\"fine this time\"}");
            } else {
                answer = api.answer(path, query(request));
            }
            request.getComponents().getScheduler().schedule(() -> {
                response.setStatus(answer.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
                Content.Sink.write(response, true, answer.json(), callback);
            }, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        }

        private static Optional<String> query(Request request) {
            return Optional.ofNullable(Request.extractQueryParameters(request).getValue("q"));
        }
    }
}
