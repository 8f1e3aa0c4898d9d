package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.RedisExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redisson.api.options.KeysScanOptions;

/**
 * Hostile requests over real HTTP, sent byte for byte: each gets a 4xx (never a 5xx), the gateway serves on, and
 * nothing it writes to Redis falls outside its own key families.
 */
class GatewayHostileInputTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String NAMESPACE = "hostile";
    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static TestOrigin origin;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        origin = new TestOrigin();
        gateway = new RunningGateway(REDIS.redis().url(), origin.url(), Map.of("REDLINE_NAMESPACE", NAMESPACE,
                "RATE_LIMIT", "1000000"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        origin.close();
    }

    static Stream<Arguments> hostile() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("huge header", request("GET /h HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\n\r\n"), 431));
        cases.add(Arguments.of("many headers", request("GET /h HTTP/1.1\r\nHost: x\r\n"
                + "X-Many: 1234567890\r\n".repeat(2_000) + "\r\n"), 431));
        cases.add(Arguments.of("huge URL", request("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                414));
        cases.add(Arguments.of("invalid method", request("G@T /h HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("unknown method", request("BREW /h HTTP/1.1\r\nHost: x\r\n\r\n"), 405));
        cases.add(Arguments.of("TRACE", request("TRACE /h HTTP/1.1\r\nHost: x\r\n\r\n"), 405));
        // was a 500: the handler had no path to make a cache key of
        cases.add(Arguments.of("CONNECT", request("CONNECT origin:443 HTTP/1.1\r\nHost: origin:443\r\n\r\n"), 405));
        cases.add(Arguments.of("no slash", request("GET h HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("absolute URL to elsewhere", request("GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n"),
                400));
        cases.add(Arguments.of("bad percent-encoding", request("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("truncated percent-encoding", request("GET /a%2 HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("traversal", request("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("encoded traversal", request("GET /a/%2e%2e/%2e%2e/etc HTTP/1.1\r\nHost: x\r\n\r\n"),
                400));
        cases.add(Arguments.of("encoded slash", request("GET /a%2f..%2fb HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("hash tag braces", request("GET /{tag}/x HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("NUL in path", request("GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("encoded NUL in path", request("GET /a%00b HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(Arguments.of("NUL in header", request("GET /h HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n"), 400));
        cases.add(Arguments.of("control byte in header", request("GET /h HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n"),
                400));
        cases.add(Arguments.of("header without colon", request("GET /h HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n"),
                400));
        cases.add(Arguments.of("no Host", request("GET /h HTTP/1.1\r\n\r\n"), 400));
        cases.add(Arguments.of("two Content-Lengths", request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1"
                + "\r\nContent-Length: 2\r\n\r\nab"), 400));
        cases.add(Arguments.of("Content-Length and chunked", request("POST /echo HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), 400));
        cases.add(Arguments.of("negative Content-Length", request("POST /echo HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: -1\r\n\r\n"), 400));
        // the one 5xx: the status HTTP defines for it, not a failure of the gateway
        cases.add(Arguments.of("unknown version", request("GET /h HTTP/9.9\r\nHost: x\r\n\r\n"), 505));
        cases.add(Arguments.of("bare LF garbage", request("\u0001\u0002\u0003\n\n"), 400));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileRequestGetsA4xxAndTheGatewayServesOn(String name, byte[] request, int status) throws Exception {
        RawHttp.Reply reply = RawHttp.send(gateway.port(), request);
        assertEquals(status, reply.status(), name + ": " + reply);
        if (status == 405) {
            assertEquals(GatewayHostileInputTest.ALLOW, reply.headers().get("allow"));
            assertEquals("{\"error\":\"Method Not Allowed\"}", reply.body());
        }
        HttpResponse<String> normal = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/hello-after")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, normal.statusCode());
    }

    @Test
    void encodedHashTagCharactersAreServedAndKeptInsideTheCachesKeys() throws Exception {
        HttpResponse<String> braces = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(
                "/hello-%7Btag%7D?q=%7B%7D"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, braces.statusCode());
        assertEquals("/hello-%7Btag%7D 1", braces.body(), "relayed as the client encoded it");
        // every case above has run or runs in this JVM: the keys written so far must all be the gateway's own
        hostile().forEach(arguments -> {
            try {
                RawHttp.send(gateway.port(), (byte[]) arguments.get()[1]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> outside = new ArrayList<>();
        for (String key : REDIS.client().getKeys().getKeys(KeysScanOptions.defaults().pattern(NAMESPACE + ":*"))) {
            String name = key.substring(NAMESPACE.length() + 1);
            if (!name.matches("swr:gateway:\\{[0-9a-f]{32}\\}(:lock|:pass|:key)?")
                    && !name.matches("ratelimit:gateway:\\{127\\.0\\.0\\.1\\}:60000")
                    && !name.matches("stats:(visitors|pageviews|requests|errors):\\d{4}-\\d{2}-\\d{2}")) {
                outside.add(key);
            }
        }
        assertEquals(List.of(), outside);
        assertTrue(REDIS.client().getKeys().getKeys(KeysScanOptions.defaults().pattern(NAMESPACE + ":swr:gateway:*")).iterator().hasNext());
    }

    private static byte[] request(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
