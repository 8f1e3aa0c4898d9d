package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conditional and range requests through the gateway, over real HTTP, against an origin that honours them itself
 * ({@code /validated} of {@link TestOrigin}).
 */
class GatewayConditionalTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @RegisterExtension
    static final GatewayPerTest GATEWAYS = new GatewayPerTest(REDIS, "cond");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningGateway gateway;

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
        int calls = GATEWAYS.origin().calls(path);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> after = get(path);
            assertEquals("HIT", header(after, "X-Cache"), "the refreshed entry is in the cache");
            assertEquals(TestOrigin.VALIDATED_BODY, after.body());
        }
        assertEquals(calls, GATEWAYS.origin().calls(path), "no request after the refresh reached the origin");
    }

    @Test
    void aRangeOnAColdKeyLoadsTheWholeBodyOnceAndCutsThe206FromIt() throws Exception {
        // regression: the Range went to the origin, whose 206 was no 200 to store: the key was marked pass
        start(Map.of());
        String path = "/validated-range";
        HttpResponse<String> partial = get(path, "Range", "bytes=2-5");
        assertEquals(206, partial.statusCode());
        assertEquals("cdef", partial.body());
        assertEquals("bytes 2-5/26", header(partial, "Content-Range"));
        assertEquals("redline; fwd=uri-miss; stored", header(partial, "Cache-Status"));
        assertEquals(0, GATEWAYS.origin().partial(path), "the origin was asked for the whole body");
        HttpResponse<String> whole = get(path);
        assertEquals(TestOrigin.VALIDATED_BODY, whole.body());
        assertEquals("HIT", header(whole, "X-Cache"));
        assertEquals(1, GATEWAYS.origin().calls(path));
    }

    @Test
    void theGatewayAnswersConditionalsFromTheCacheWith304AndTheValidators() throws Exception {
        start(Map.of());
        String path = "/validated-304";
        get(path);
        HttpResponse<String> byTag = get(path, "If-None-Match", "\"other\", W/" + TestOrigin.VALIDATED_ETAG);
        assertEquals(304, byTag.statusCode());
        assertEquals("", byTag.body());
        assertEquals(TestOrigin.VALIDATED_ETAG, header(byTag, "ETag"));
        assertEquals("HIT", header(byTag, "X-Cache"));
        assertEquals(null, header(byTag, "Content-Type"), "no representation metadata on a 304");
        HttpResponse<String> byDate = get(path, "If-Modified-Since", TestOrigin.VALIDATED_LAST_MODIFIED);
        assertEquals(304, byDate.statusCode());
        HttpResponse<String> changed = get(path, "If-None-Match", "\"v0\"", "If-Modified-Since",
                TestOrigin.VALIDATED_LAST_MODIFIED);
        assertEquals(200, changed.statusCode(), "If-Modified-Since counts only without If-None-Match");
        assertEquals(TestOrigin.VALIDATED_BODY, changed.body());
        assertEquals(1, GATEWAYS.origin().calls(path), "all answered from the cache");
    }

    @Test
    void anUnsatisfiableRangeIs416AndAStaleIfRangeGetsTheWholeBody() throws Exception {
        start(Map.of());
        String path = "/validated-416";
        get(path);
        HttpResponse<String> beyond = get(path, "Range", "bytes=26-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */26", header(beyond, "Content-Range"));
        HttpResponse<String> otherVersion = get(path, "Range", "bytes=0-1", "If-Range", "\"v0\"");
        assertEquals(200, otherVersion.statusCode());
        assertEquals(TestOrigin.VALIDATED_BODY, otherVersion.body());
        HttpResponse<String> sameVersion = get(path, "Range", "bytes=-3", "If-Range", TestOrigin.VALIDATED_ETAG);
        assertEquals(206, sameVersion.statusCode());
        assertEquals("xyz", sameVersion.body());
        HttpResponse<String> several = get(path, "Range", "bytes=0-1, 3-4");
        assertEquals(200, several.statusCode(), "several ranges are served as the whole body");
        assertEquals(1, GATEWAYS.origin().calls(path));
    }

    @Test
    void aStaleEntryWithAValidatorIsRevalidatedAndA304ExtendsItWithoutANewBody() throws Exception {
        start(Map.of("CACHE_FRESH_TTL", "1s", "CACHE_STALE_TTL", "60s", "RATE_LIMIT", "1000000"));
        String path = "/validated-reval";
        assertEquals(TestOrigin.VALIDATED_BODY, get(path).body());
        Awaits.await().until(() -> "STALE".equals(header(get(path), "X-Cache")));
        Awaits.await().until(() -> GATEWAYS.origin().notModified(path) >= 1);
        Awaits.await().until(() -> "HIT".equals(header(get(path), "X-Cache")));
        HttpResponse<String> extended = get(path);
        assertEquals(TestOrigin.VALIDATED_BODY, extended.body());
        assertEquals(TestOrigin.VALIDATED_ETAG, header(extended, "ETag"));
        assertEquals(1, GATEWAYS.origin().full(path), "the body came from the origin once; refreshes were answered 304");
    }

    @Test
    void theOriginsCacheControlAndAgeSetTheEntrysFreshTime() throws Exception {
        start(Map.of("RATE_LIMIT", "1000000"));
        String aged = "/validated-aged?cc=max-age%3D100&age=30";
        get(aged);
        HttpResponse<String> hit = get(aged);
        assertEquals("HIT", header(hit, "X-Cache"));
        assertTrue(header(hit, "Age").matches("3[01]"), header(hit, "Age"));
        assertTrue(header(hit, "Cache-Status").matches("redline; hit; ttl=(2[6-9]|30)"),
                "capped at CACHE_FRESH_TTL (60 s, less jitter) less the origin's Age: " + header(hit, "Cache-Status"));

        String short1 = "/validated-short?cc=max-age%3D1";
        get(short1);
        Awaits.await().until(() -> "STALE".equals(header(get(short1), "X-Cache")));

        String noCache = "/validated-nocache?cc=no-cache";
        assertEquals("redline; fwd=uri-miss; stored", header(get(noCache), "Cache-Status"));
        assertEquals("STALE", header(get(noCache), "X-Cache"), "stored, but never fresh: revalidated every time");
        gateway.close();

        start(Map.of("CACHE_HONOR_ORIGIN_TTL", "true"));
        String honored = "/validated-honored?cc=s-maxage%3D600";
        get(honored);
        assertTrue(header(get(honored), "Cache-Status").matches("redline; hit; ttl=(5[7-9][0-9]|600)"),
                "beyond CACHE_FRESH_TTL");
    }

    private void start(Map<String, String> variables) throws Exception {
        gateway = GATEWAYS.start(variables);
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
