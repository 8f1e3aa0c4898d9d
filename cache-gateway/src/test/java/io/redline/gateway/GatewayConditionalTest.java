package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conditional and range requests through the gateway, over real HTTP, against an origin that honours them itself
 * ({@code /validated} of {@link TestOrigin}).
 */
class GatewayConditionalTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static TestOrigin origin;

    private RunningGateway gateway;

    @BeforeAll
    static void startOrigin() throws Exception {
        origin = new TestOrigin();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aConditionalRequestDuringAStaleHitNoLongerEvictsTheEntry() throws Exception {
        // regression: the refresh carried the client's If-None-Match, the origin's 304 was taken for "not
        // cacheable", and the entry was deleted and marked pass: every request after it went to the origin
        start(Map.of("CACHE_FRESH_TTL", "2s", "CACHE_STALE_TTL", "60s", "RATE_LIMIT", "1000000"));
        String path = "/validated-evict";
        assertEquals("MISS", header(get(path), "X-Cache"));
        Awaits.await().until(() -> "STALE".equals(header(get(path, "If-None-Match", TestOrigin.VALIDATED_ETAG),
                "X-Cache")));
        Awaits.await().until(() -> !"STALE".equals(header(get(path), "X-Cache")));
        int calls = origin.calls(path);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> after = get(path);
            assertEquals("HIT", header(after, "X-Cache"), "the refreshed entry is in the cache");
            assertEquals(TestOrigin.VALIDATED_BODY, after.body());
        }
        assertEquals(calls, origin.calls(path), "no request after the refresh reached the origin");
    }

    private void start(Map<String, String> variables) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("REDLINE_NAMESPACE", "cond" + NAMESPACES.incrementAndGet()));
        env.putAll(variables);
        gateway = new RunningGateway(REDIS.redis().url(), origin.url(), env);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
