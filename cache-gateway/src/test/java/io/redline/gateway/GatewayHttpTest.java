package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway over real HTTP, between a real client and a real origin server, on a real Redis. */
class GatewayHttpTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @RegisterExtension
    static final GatewayPerTest GATEWAYS = new GatewayPerTest(REDIS, "gw");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningGateway gateway;

    @Test
    void aFirstRequestIsAMissTheNextAHitWithRateLimitAndCacheHeaders() throws Exception {
        start(Map.of());
        HttpResponse<String> miss = get("/hello-1?b=2&a=1");
        assertEquals(200, miss.statusCode());
        assertEquals("/hello-1 1", miss.body());
        assertEquals("MISS", header(miss, "X-Cache"));
        assertEquals("redline; fwd=uri-miss; stored", header(miss, "Cache-Status"));
        assertEquals("0", header(miss, "Age"));
        assertEquals("100", header(miss, "X-RateLimit-Limit"));
        assertEquals("99", header(miss, "X-RateLimit-Remaining"));
        long reset = Long.parseLong(header(miss, "X-RateLimit-Reset"));
        long now = Instant.now().getEpochSecond();
        assertTrue(reset >= now + 58 && reset <= now + 61, "reset " + reset + " vs now " + now);

        HttpResponse<String> hit = get("/hello-1?a=1&b=2");
        assertEquals("/hello-1 1", hit.body(), "the same key whatever the order of the query");
        assertEquals("HIT", header(hit, "X-Cache"));
        assertTrue(header(hit, "Cache-Status").matches("redline; hit; ttl=(5[7-9]|6[0-3])"), header(hit, "Cache-Status"));
        assertEquals("98", header(hit, "X-RateLimit-Remaining"));
        assertEquals(1, GATEWAYS.origin().calls("/hello-1"));
    }

    @Test
    void aStaleEntryIsServedAtOnceAndRefreshedInTheBackground() throws Exception {
        // polling every 50 ms must not run into the default limit of 100 requests a minute (a 429 is no refresh)
        start(Map.of("CACHE_FRESH_TTL", "1s", "CACHE_STALE_TTL", "60s", "RATE_LIMIT", "1000000"));
        assertEquals("/hello-2 1", get("/hello-2").body());
        Awaits.await().until(() -> "STALE".equals(header(get("/hello-2"), "X-Cache")));
        // the refreshed copy goes stale again after 1 s, so any later load counts, not only the second
        Awaits.await().until(() -> get("/hello-2").body().matches("/hello-2 [2-9][0-9]*"));
        HttpResponse<String> refreshed = get("/hello-2");
        assertTrue(header(refreshed, "Cache-Status").startsWith("redline; hit"), header(refreshed, "Cache-Status"));
    }

    @Test
    void aRefreshThatFailsKeepsTheStaleCopy() throws Exception {
        start(Map.of("CACHE_FRESH_TTL", "1s", "CACHE_STALE_TTL", "60s", "RATE_LIMIT", "1000000"));
        assertEquals("flaky 1", get("/flaky-stale").body());
        GATEWAYS.origin().failFlaky = true;
        try {
            Awaits.await().until(() -> "STALE".equals(header(get("/flaky-stale"), "X-Cache")));
            Awaits.await().until(() -> GATEWAYS.origin().calls("/flaky-stale") >= 2);
            HttpResponse<String> stale = get("/flaky-stale");
            assertEquals(200, stale.statusCode());
            assertEquals("flaky 1", stale.body());
            assertTrue(header(stale, "Cache-Status").endsWith("detail=stale-while-revalidate"));
        } finally {
            GATEWAYS.origin().failFlaky = false;
        }
    }

    @Test
    void anOriginServerErrorIsRelayedAsAMissAndNeitherStoredNorMarkedPass() throws Exception {
        start(Map.of());
        GATEWAYS.origin().failFlaky = true;
        try {
            HttpResponse<String> first = get("/flaky-5xx");
            assertEquals(500, first.statusCode());
            assertEquals("origin failure 1", first.body());
            assertEquals("MISS", header(first, "X-Cache"));
            assertEquals("redline; fwd=uri-miss", header(first, "Cache-Status"));
            assertEquals("0", header(first, "Age"), "as every answer through the cache");
            assertEquals("origin failure 2", get("/flaky-5xx").body(), "not stored: the next request loads again");
        } finally {
            GATEWAYS.origin().failFlaky = false;
        }
        assertEquals("flaky 3", get("/flaky-5xx").body());
        assertEquals("HIT", header(get("/flaky-5xx"), "X-Cache"), "no pass marker was left: the 200 was stored");
    }

    @Test
    void deniedRequestsGet429WithJsonAndRetryAfter() throws Exception {
        start(Map.of("RATE_LIMIT", "3", "RATE_WINDOW", "10s"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/hello-3").statusCode());
        }
        HttpResponse<String> denied = get("/hello-3");
        assertEquals(429, denied.statusCode());
        assertEquals(Json.mapper().readTree("{\"error\":\"Too Many Requests\"}"), Json.mapper().readTree(denied.body()));
        assertEquals("application/json", header(denied, "Content-Type"));
        int retryAfter = Integer.parseInt(header(denied, "Retry-After"));
        assertTrue(retryAfter >= 9 && retryAfter <= 10, "Retry-After " + retryAfter);
        assertEquals("0", header(denied, "X-RateLimit-Remaining"));
        assertEquals("3", header(denied, "X-RateLimit-Limit"));
    }

    @Test
    void aSlowOriginHoldsNoRequestThreadSoAHitIsAnsweredWhileMoreRequestsWaitThanJettyHasThreads()
            throws Exception {
        start(Map.of("RATE_LIMIT", "1000000"));
        assertEquals("/hello-quick 1", get("/hello-quick").body());
        // more waiting requests than the gateway's 200 Jetty threads: a handler that parks its thread runs out, and
        // the origin holds them all until the hit has been answered (no timing: an order of events)
        int waiting = 250;
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            held.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway.url("/held-" + i))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Awaits.await(Duration.ofSeconds(10)).until(() -> IntStream.range(0, waiting)
                .map(i -> GATEWAYS.origin().calls("/held-" + i)).sum() >= 150);
        HttpResponse<String> hit = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway.url("/hello-quick")))
                .build(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
        assertEquals("HIT", header(hit, "X-Cache"));
        assertTrue(held.stream().noneMatch(CompletableFuture::isDone), "the hit was answered while all waited");
        GATEWAYS.origin().releaseHeld();
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            assertEquals(200, answer.get(30, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aDeniedRequestDropsItsCacheLookupAndLoadsNothingFromTheOrigin() throws Exception {
        start(Map.of("RATE_LIMIT", "1", "RATE_WINDOW", "10s"));
        assertEquals(200, get("/hello-allowed").statusCode());
        HttpResponse<String> denied = get("/hello-denied");
        assertEquals(429, denied.statusCode());
        assertEquals(null, header(denied, "X-Cache"), "a denied request is no cache answer");
        assertEquals(0, GATEWAYS.origin().calls("/hello-denied"), "the lookup sent beside the limiter must not load");
    }

    @Test
    void withRateLimitOffNoRequestIsLimitedAskedOfRedisOrGivenRateLimitHeaders() throws Exception {
        start(Map.of("RATE_LIMIT", "off", "RATE_WINDOW", "10s"));
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = get("/hello-off");
            assertEquals(200, answer.statusCode());
            assertEquals(null, header(answer, "X-RateLimit-Limit"), "there is no limit to describe");
            assertEquals(null, header(answer, "X-RateLimit-Remaining"));
        }
        assertEquals("HIT", header(get("/hello-off"), "X-Cache"), "the cache works as with a limiter");
        assertEquals(0, REDIS.client().getKeys().getKeysStream(org.redisson.api.options.KeysScanOptions.defaults()
                .pattern(GATEWAYS.namespace() + ":ratelimit:*")).count(), "no limiter key was written");
    }

    @Test
    void responsesThatMustNotBeSharedAreNotStored() throws Exception {
        start(Map.of());
        for (String path : new String[] {"/nostore", "/private", "/cookie", "/missing"}) {
            int before = GATEWAYS.origin().calls(path);
            HttpResponse<String> first = get(path);
            HttpResponse<String> second = get(path);
            assertEquals(before + 2, GATEWAYS.origin().calls(path), path + " must reach the origin each time");
            assertEquals("MISS", header(second, "X-Cache"), path);
            assertEquals("redline; fwd=uri-miss", header(second, "Cache-Status"), path);
            assertEquals(first.statusCode(), second.statusCode(), path);
        }
        assertEquals(404, get("/missing").statusCode());
    }

    @Test
    void bodiesAboveTheLimitPassThroughWholeAndUnstored() throws Exception {
        start(Map.of("CACHE_MAX_BYTES", "65536"));
        for (int i = 1; i <= 2; i++) {
            HttpResponse<byte[]> big = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/big"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, big.statusCode());
            assertArrayEquals(TestOrigin.bigBody(), big.body());
            assertEquals(i, GATEWAYS.origin().calls("/big"));
        }
    }

    @Test
    void anUnreachableOriginIs502AndASlowOne504() throws Exception {
        start(Map.of("ORIGIN_URL", "http://127.0.0.1:" + io.redline.testkit.FreePorts.find()));
        HttpResponse<String> down = get("/anything");
        assertEquals(502, down.statusCode());
        assertEquals(Json.mapper().readTree("{\"error\":\"Bad Gateway\"}"), Json.mapper().readTree(down.body()));
        gateway.close();

        start(Map.of("ORIGIN_TIMEOUT", "500ms"));
        long start = System.nanoTime();
        HttpResponse<String> slow = get("/slow");
        assertEquals(504, slow.statusCode());
        assertEquals(Json.mapper().readTree("{\"error\":\"Gateway Timeout\"}"), Json.mapper().readTree(slow.body()));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(1_900).toNanos(), "answered before the origin");
    }

    @Test
    void otherMethodsAndCredentialsGoStraightToTheOrigin() throws Exception {
        start(Map.of());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/echo")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"order\":1}")).build(), HttpResponse.BodyHandlers
                .ofString());
        JsonNode echo = Json.mapper().readTree(post.body());
        assertEquals("POST", echo.get("method").asText());
        assertEquals("{\"order\":1}", echo.get("body").asText());
        assertEquals("redline; fwd=request", header(post, "Cache-Status"));

        HttpResponse<String> withCredentials = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/echo")))
                .header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("Bearer t", Json.mapper().readTree(withCredentials.body()).get("headers").get("authorization")
                .asText());
        assertEquals("redline; fwd=request", header(withCredentials, "Cache-Status"));
    }

    @Test
    void headIsAnsweredFromTheCacheWithoutBody() throws Exception {
        start(Map.of());
        get("/hello-head");
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/hello-head")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("HIT", header(head, "X-Cache"));
        assertEquals("", head.body());
        assertEquals(1, GATEWAYS.origin().calls("/hello-head"));
    }

    @Test
    void hopByHopHeadersAreStrippedBothWaysAndXForwardedForIsAppended() throws Exception {
        start(Map.of());
        // with credentials: forwarded, so that the client's end-to-end headers reach the origin
        RawHttp.Reply reply = RawHttp.get(gateway.port(), "/echo", "Authorization: Bearer t",
                "Connection: keep-alive, X-Client-Secret",
                "X-Client-Secret: hop", "Keep-Alive: timeout=5", "X-Forwarded-For: 203.0.113.9", "X-Kept: yes");
        JsonNode headers = Json.mapper().readTree(reply.body()).get("headers");
        assertFalse(headers.has("x-client-secret"), headers.toString());
        assertFalse(headers.has("keep-alive"), headers.toString());
        assertEquals("yes", headers.get("x-kept").asText());
        assertEquals("203.0.113.9, 127.0.0.1", headers.get("x-forwarded-for").asText());
        assertFalse(reply.headers().containsKey("x-origin-secret"), reply.headers().toString());
    }

    @Test
    void xForwardedForCountsOnlyBehindTrustedProxies() throws Exception {
        start(Map.of());
        RawHttp.get(gateway.port(), "/hello-xff", "X-Forwarded-For: 198.51.100.7");
        RedlineKeys keys = new RedlineKeys(new KeyNamespace(GATEWAYS.namespace()));
        assertTrue(limiterKeyExists(keys, "127.0.0.1"), "an untrusted peer counts as itself");
        assertFalse(limiterKeyExists(keys, "198.51.100.7"));
        gateway.close();

        start(Map.of("TRUSTED_PROXIES", "127.0.0.1/32, 10.0.0.0/8"));
        keys = new RedlineKeys(new KeyNamespace(GATEWAYS.namespace()));
        RawHttp.get(gateway.port(), "/hello-xff", "X-Forwarded-For: 192.0.2.1, 198.51.100.7, 10.1.2.3");
        assertTrue(limiterKeyExists(keys, "198.51.100.7"), "the first untrusted address from the right");
        assertFalse(limiterKeyExists(keys, "192.0.2.1"), "what the client wrote left of it is not believed");
        assertFalse(limiterKeyExists(keys, "127.0.0.1"));
    }

    @Test
    void trafficIsRecordedForTheDashboard() throws Exception {
        start(Map.of());
        get("/hello-t1");
        get("/hello-t1");
        get("/hello-t2");
        GATEWAYS.origin().failFlaky = true;
        try {
            assertEquals(500, get("/flaky-traffic").statusCode());
        } finally {
            GATEWAYS.origin().failFlaky = false;
        }
        RedlineKeys keys = new RedlineKeys(new KeyNamespace(GATEWAYS.namespace()));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        // recording happens after the response is written: the last request may still be on its way
        Awaits.await().until(() -> {
            gateway.gateway().traffic().flush();
            return REDIS.client().getAtomicLong(keys.dailyRequests(today)).get() == 4L;
        });
        // the flush does not wait for Redis's replies (skipResult): the commands after the count may be on their way
        Awaits.await().untilAsserted(() -> {
            assertEquals(1L, REDIS.client().getHyperLogLog(keys.dailyVisitors(today)).count());
            assertEquals(2.0, REDIS.client().getScoredSortedSet(keys.dailyPageViews(today),
                    io.redline.core.json.RedisCodecs.STRING).getScore("/hello-t1"));
            assertEquals(4L, REDIS.client().getAtomicLong(keys.dailyRequests(today)).get());
            assertEquals(1L, REDIS.client().getAtomicLong(keys.dailyErrors(today)).get());
            assertTrue(REDIS.client().getBucket(keys.dailyRequests(today)).remainTimeToLive() > 0);
        });
    }

    private boolean limiterKeyExists(RedlineKeys keys, String client) {
        return REDIS.client().getKeys().countExists(keys.rateLimit(Gateway.LIMITER_SCOPE, client,
                Duration.ofSeconds(60))) == 1;
    }

    private void start(Map<String, String> variables) throws Exception {
        gateway = GATEWAYS.start(variables);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
