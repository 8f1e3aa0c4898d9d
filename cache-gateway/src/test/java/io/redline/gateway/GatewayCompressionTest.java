package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.gateway.cache.CacheKey;
import io.redline.testkit.RedisExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gzip for the clients that accept it, over real HTTP; stored bodies stay uncompressed. */
class GatewayCompressionTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String NAMESPACE = "gzip";
    private static TestOrigin origin;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        origin = new TestOrigin();
        gateway = new RunningGateway(REDIS.redis().url(), origin.url(), Map.of("REDLINE_NAMESPACE", NAMESPACE,
                "RATE_LIMIT", "off"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        origin.close();
    }

    @Test
    void aClientThatAcceptsGzipGetsTheCachedTextGzippedAndTheStoredBodyStaysPlain() throws Exception {
        for (String expected : new String[] {"MISS", "HIT"}) {
            HttpResponse<byte[]> answer = send("GET", "/text-gzip", "gzip, deflate");
            assertEquals(200, answer.statusCode());
            assertEquals(expected, header(answer, "X-Cache"));
            assertEquals("gzip", header(answer, "Content-Encoding"));
            assertEquals("Accept-Encoding", header(answer, "Vary"));
            assertEquals(TestOrigin.TEXT, gunzip(answer.body()));
        }
        byte[] stored = REDIS.client().<byte[]>getBucket(new RedlineKeys(new KeyNamespace(NAMESPACE))
                .swrEntry(Gateway.CACHE_KEY_PART, CacheKey.of("/text-gzip", null)), RedisCodecs.BYTES).get();
        int head = ByteBuffer.wrap(stored).getInt();
        assertEquals(TestOrigin.TEXT, new String(stored, 4 + head, stored.length - 4 - head, StandardCharsets.UTF_8),
                "the body is stored as its raw bytes after the entry's JSON head");
    }

    @Test
    void aClientWithoutAcceptEncodingGetsThePlainTextWithVary() throws Exception {
        send("GET", "/text-plain", "gzip");
        HttpResponse<byte[]> plain = send("GET", "/text-plain", null);
        assertEquals("HIT", header(plain, "X-Cache"));
        assertNull(header(plain, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(plain, "Vary"));
        assertEquals(TestOrigin.TEXT, new String(plain.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> identity = send("GET", "/text-plain", "identity");
        assertNull(header(identity, "Content-Encoding"));
        assertEquals(TestOrigin.TEXT, new String(identity.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aHeadRequestGetsNoBodyAndTheSameVary() throws Exception {
        HttpResponse<byte[]> head = send("HEAD", "/text-head", "gzip");
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals("Accept-Encoding", header(head, "Vary"));
    }

    @Test
    void anAnswerTheOriginGzippedItselfIsForwardedWithoutASecondCompression() throws Exception {
        HttpResponse<byte[]> forwarded = send("POST", "/gzipped-forward", "gzip");
        assertEquals("redline; fwd=request", header(forwarded, "Cache-Status"));
        assertEquals(java.util.List.of("gzip"), forwarded.headers().allValues("Content-Encoding"));
        assertEquals(TestOrigin.TEXT, gunzip(forwarded.body()), "gzipped once, not twice");
    }

    @Test
    void aShortAnswerIsNotCompressed() throws Exception {
        HttpResponse<byte[]> small = send("GET", "/hello-small", "gzip");
        assertNull(header(small, "Content-Encoding"));
        assertEquals("/hello-small 1", new String(small.body(), StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> send(String method, String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
