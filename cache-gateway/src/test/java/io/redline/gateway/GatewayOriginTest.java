package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.gateway.http.GatewayHandler;
import io.redline.gateway.metrics.MetricNames;
import io.redline.testkit.Awaits;
import io.redline.testkit.FreePorts;
import io.redline.testkit.RedisExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** What the origin gets from the gateway, and how the gateway copes with an origin that stalls or is down. */
class GatewayOriginTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @RegisterExtension
    static final GatewayPerTest GATEWAYS = new GatewayPerTest(REDIS, "gwo");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningGateway gateway;

    @Test
    void defect4AStreamedBodyWhoseOriginStallsIsCutOffAndTheOriginConnectionClosed() throws Exception {
        try (StallingOrigin stalling = new StallingOrigin()) {
            start(Map.of("ORIGIN_URL", stalling.url(), "CACHE_MAX_BYTES", "65536", "ORIGIN_TIMEOUT", "1s"));
            long start = System.nanoTime();
            ExecutionException cut = assertThrows(ExecutionException.class, () -> HTTP.sendAsync(
                    HttpRequest.newBuilder(URI.create(gateway.url("/stall"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).get(20, TimeUnit.SECONDS));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(cut.getCause() instanceof IOException, String.valueOf(cut.getCause()));
            assertTrue(millis < 10_000, "the client's connection was closed only after " + millis + " ms");
            Awaits.await(Duration.ofSeconds(5)).until(stalling::released);
        }
    }

    @Test
    void defect5AQueryWithCharactersThatJettyAcceptsButUriRefusesReachesTheOriginAsSent() throws Exception {
        start(Map.of());
        RawHttp.Reply loaded = RawHttp.get(gateway.port(), "/echo-query?q={a}|b^c&x=%20");
        assertEquals(200, loaded.status(), loaded.body());
        assertEquals("q={a}|b^c&x=%20", Json.mapper().readTree(loaded.body()).get("query").asText());
        RawHttp.Reply forwarded = RawHttp.get(gateway.port(), "/echo-query?q={a}|b^c", "Authorization: Bearer t");
        assertEquals(200, forwarded.status(), forwarded.body());
        assertEquals("q={a}|b^c", Json.mapper().readTree(forwarded.body()).get("query").asText());
    }

    @Test
    void defect3aACacheLoadSendsTheOriginOnlyTheFixedHeadersNotTheClientsUnkeyedOnes() throws Exception {
        start(Map.of());
        RawHttp.Reply reply = RawHttp.get(gateway.port(), "/echo-unkeyed", "Accept-Language: fr",
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https", "Accept: text/evil",
                "Cookie: session=1", "If-None-Match: \"x\"", "X-HTTP-Method-Override: DELETE",
                "User-Agent: client/1.0", "Via: 1.0 elsewhere", "X-Request-Id: req-1",
                "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("MISS", reply.headers().get("x-cache"));
        JsonNode headers = Json.mapper().readTree(reply.body()).get("headers");
        for (String unkeyed : List.of("accept-language", "x-forwarded-host", "accept", "cookie", "if-none-match",
                "range", "x-http-method-override", "authorization")) {
            assertFalse(headers.has(unkeyed), unkeyed + " reached the load: " + headers);
        }
        assertEquals("identity", headers.get("accept-encoding").asText());
        assertEquals("redline-cache-gateway", headers.get("user-agent").asText());
        assertEquals("http", headers.get("x-forwarded-proto").asText(), "not the client's https");
        assertEquals("1.1 redline", headers.get("via").asText());
        assertEquals("127.0.0.1", headers.get("x-forwarded-for").asText());
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", headers.get("traceparent").asText());
        assertEquals("req-1", headers.get("x-request-id").asText());
        assertEquals(GATEWAYS.origin().url().substring("http://".length()), headers.get("host").asText(), "the origin's own");
    }

    @Test
    void aForwardedRequestGetsTheProxyHeadersAsNginxSetsThem() throws Exception {
        start(Map.of("ORIGIN_HOST_HEADER", "origin.example:8080"));
        RawHttp.Reply reply = RawHttp.get(gateway.port(), "/echo", "Authorization: Bearer t",
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https", "Via: 1.0 elsewhere",
                "Accept-Language: fr");
        JsonNode headers = Json.mapper().readTree(reply.body()).get("headers");
        assertEquals("origin.example:8080", headers.get("host").asText());
        assertEquals("127.0.0.1", headers.get("x-forwarded-host").asText(), "the client's Host, not its header");
        assertEquals("http", headers.get("x-forwarded-proto").asText(), "an untrusted peer's value is replaced");
        assertEquals("1.0 elsewhere, 1.1 redline", headers.get("via").asText());
        assertEquals("fr", headers.get("accept-language").asText(), "end-to-end headers pass when forwarded");
        gateway.close();

        start(Map.of("TRUSTED_PROXIES", "127.0.0.1/32"));
        JsonNode trusted = Json.mapper().readTree(RawHttp.get(gateway.port(), "/echo", "Authorization: Bearer t",
                "X-Forwarded-Host: shop.example", "X-Forwarded-Proto: https").body()).get("headers");
        assertEquals("shop.example", trusted.get("x-forwarded-host").asText(), "a trusted proxy's value is kept");
        assertEquals("https", trusted.get("x-forwarded-proto").asText());
    }

    @Test
    void defect7aA502ForAnUncachedPathIsLoggedWithMethodPathAndCauseAndCounted() throws Exception {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger handler = (Logger) LoggerFactory.getLogger(GatewayHandler.class);
        handler.addAppender(lines);
        try {
            start(Map.of("ORIGIN_URL", "http://127.0.0.1:" + FreePorts.find()));
            HttpResponse<String> down = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/down-1")))
                    .header("X-Request-Id", "down-req-1").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(502, down.statusCode());
            Awaits.await().until(() -> badGateways() == 1);
            ILoggingEvent line;
            synchronized (lines) {
                line = lines.list.stream().filter(e -> e.getFormattedMessage().contains("/down-1")).findFirst()
                        .orElseThrow(() -> new AssertionError("no log line for /down-1 in " + lines.list));
            }
            assertEquals(Level.WARN, line.getLevel());
            assertTrue(line.getFormattedMessage().startsWith("Answered 502 to GET /down-1: the origin is unavailable"
                    + " (0 more held back in the last 30000 ms): io.redline.gateway.origin.OriginUnavailableException:"
                    + " origin http://127.0.0.1:"), line.getFormattedMessage());
            assertTrue(line.getFormattedMessage().contains("Connection refused"), line.getFormattedMessage());
            // written on the origin client's thread, not the request's: the request id is put back for it
            assertEquals("down-req-1", line.getMDCPropertyMap().get("request_id"));
        } finally {
            handler.detachAppender(lines);
        }
    }

    private long badGateways() {
        return gateway.runtime().metrics().meter(MetricNames.REQUESTS.seriesName("bad_gateway")).getCount();
    }

    private void start(Map<String, String> variables) throws Exception {
        gateway = GATEWAYS.start(variables);
    }
}
