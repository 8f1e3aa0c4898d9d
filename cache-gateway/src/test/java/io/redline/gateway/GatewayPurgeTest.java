package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.gateway.metrics.MetricNames;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /cache/purge} on the admin port of two gateways that share one Redis. */
class GatewayPurgeTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String TOKEN = "purge-token-0123456789";
    private static TestOrigin origin;
    private static RunningGateway first;
    private static RunningGateway second;
    private static RunningGateway withoutToken;

    @BeforeAll
    static void start() throws Exception {
        origin = new TestOrigin();
        Map<String, String> env = Map.of("REDLINE_NAMESPACE", "purge", "RATE_LIMIT", "off", "ADMIN_TOKEN", TOKEN);
        first = new RunningGateway(REDIS.redis().url(), origin.url(), env);
        second = new RunningGateway(REDIS.redis().url(), origin.url(), env);
        withoutToken = new RunningGateway(REDIS.redis().url(), origin.url(), Map.of("REDLINE_NAMESPACE", "purge"));
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        withoutToken.close();
        origin.close();
    }

    @Test
    void aKeyPurgedThroughOneGatewayIsGoneFromRedisAndFromTheOtherGatewaysNearCache() throws Exception {
        assertEquals("/hello-purge 1", get(first, "/hello-purge").body());
        // the first gateway's announcement of its store may drop the second's first copy: ask until a near hit
        Awaits.await(Duration.ofSeconds(5)).until(() -> {
            long nearHits = nearHits(second);
            assertEquals("/hello-purge 1", get(second, "/hello-purge").body());
            return nearHits(second) == nearHits + 1;
        });

        HttpResponse<String> purged = purge(first, TOKEN, "{\"key\":\"/hello-purge\"}");
        assertEquals(200, purged.statusCode(), purged.body());
        assertEquals("{\"key\":\"/hello-purge\",\"purged\":1}", purged.body());
        Awaits.await(Duration.ofSeconds(5)).until(() -> !get(second, "/hello-purge").body().equals("/hello-purge 1"));
        assertEquals(2, origin.calls("/hello-purge"));
        assertEquals("{\"key\":\"/hello-purge\",\"purged\":0}",
                purge(first, TOKEN, "{\"key\":\"/nothing-here\"}").body().replace("/nothing-here", "/hello-purge"));
    }

    @Test
    void theRedisCliEquivalentOfTheDocsPurgesTheEntryAndTheNearCopies() throws Exception {
        assertEquals("/hello-cli 1", get(first, "/hello-cli").body());
        Awaits.await(Duration.ofSeconds(5)).until(() -> {
            long nearHits = nearHits(second);
            get(second, "/hello-cli");
            return nearHits(second) == nearHits + 1;
        });
        // as docs/cache-gateway.md writes it: the first 32 hex digits of the SHA-256 of the cache key
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("/hello-cli".getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 32);
        String entry = "purge:swr:gateway:{" + digest + "}";
        assertEquals(2L, REDIS.client().getKeys().delete(entry, entry + ":pass", entry + ":key"),
                "the entry and its :key name (no pass marker)");
        REDIS.client().getTopic("purge:swr:gateway:invalidations", org.redisson.client.codec.StringCodec.INSTANCE)
                .publish("purge " + entry);
        Awaits.await(Duration.ofSeconds(5)).until(() -> get(second, "/hello-cli").body().equals("/hello-cli 2"));
    }

    @Test
    void aKeyIsNamedWithItsQueryInAnyOrderAsTheCacheKeyIsBuilt() throws Exception {
        get(first, "/hello-query?b=2&a=1");
        HttpResponse<String> purged = post(first, "/cache/purge?key=%2Fhello-query%3Fb%3D2%26a%3D1", TOKEN, "");
        assertEquals("{\"key\":\"/hello-query?a=1&b=2\",\"purged\":1}", purged.body());
        assertEquals("MISS", get(first, "/hello-query?a=1&b=2").headers().firstValue("X-Cache").orElseThrow());
    }

    @Test
    void aPrefixPurgeRemovesEveryEntryUnderItOnEveryGatewayAndReportsTheCount() throws Exception {
        for (String path : new String[] {"/pfx/a", "/pfx/b?x=1", "/pfx-not/c"}) {
            get(first, path);
            get(second, path);
            get(second, path);
        }
        HttpResponse<String> purged = purge(second, TOKEN, "{\"prefix\":\"/pfx/\"}");
        assertEquals(200, purged.statusCode(), purged.body());
        JsonNode result = Json.mapper().readTree(purged.body());
        assertEquals(2, result.get("purged").asInt(), purged.body());
        assertTrue(result.get("scanned").asInt() >= 3, purged.body());
        assertTrue(result.get("complete").asBoolean(), purged.body());
        Awaits.await(Duration.ofSeconds(5)).until(() -> "MISS".equals(
                get(first, "/pfx/a").headers().firstValue("X-Cache").orElseThrow()));
        assertEquals("MISS", get(second, "/pfx/b?x=1").headers().firstValue("X-Cache").orElseThrow());
        assertEquals("HIT", get(first, "/pfx-not/c").headers().firstValue("X-Cache").orElseThrow());
    }

    @Test
    void aMissingOrWrongTokenGets401WithWwwAuthenticate() throws Exception {
        HttpResponse<String> missing = post(first, "/cache/purge", null, "{\"key\":\"/a\"}");
        assertEquals(401, missing.statusCode());
        assertEquals("Bearer realm=\"redline-admin\"", missing.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("{\"error\":\"an Authorization: Bearer <ADMIN_TOKEN> header is required\"}", missing.body());
        HttpResponse<String> wrong = purge(first, TOKEN + "x", "{\"key\":\"/a\"}");
        assertEquals(401, wrong.statusCode());
        assertEquals("Bearer realm=\"redline-admin\", error=\"invalid_token\"",
                wrong.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("{\"error\":\"the token is not ADMIN_TOKEN\"}", wrong.body());
    }

    @Test
    void aBadRequestGets400WithWhatIsWrong() throws Exception {
        Map<String, String> bad = Map.of(
                "{\"key\":", "the body is not JSON",
                "[1]", "the body must be a JSON object: name one key or one prefix",
                "{}", "name one key or one prefix, as {\\\"key\\\":\\\"/path?query\\\"}",
                "{\"key\":\"/a\",\"prefix\":\"/b\"}", "name one key or one prefix",
                "{\"key\":\"a\"}", "key must start with /, but was \\\"a\\\"",
                "{\"prefix\":5}", "\\\"prefix\\\" must be a string",
                "{\"path\":\"/a\"}", "unknown field \\\"path\\\"");
        for (Map.Entry<String, String> body : bad.entrySet()) {
            HttpResponse<String> answer = purge(first, TOKEN, body.getKey());
            assertEquals(400, answer.statusCode(), body.getKey());
            assertTrue(answer.body().startsWith("{\"error\":\"" + body.getValue()), body.getKey() + " -> "
                    + answer.body());
        }
    }

    @Test
    void onlyPostIsAllowedAndWithoutAdminTokenTheEndpointDoesNotExist() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(admin(first, "/cache/purge")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, purge(withoutToken, TOKEN, "{\"key\":\"/a\"}").statusCode());
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(admin(first, "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the admin server's own endpoints still answer");
    }

    private static long nearHits(RunningGateway gateway) {
        return gateway.runtime().metrics().meter(MetricNames.CACHE_LOCAL_LOOKUPS.seriesName("hit")).getCount();
    }

    private static HttpResponse<String> purge(RunningGateway gateway, String token, String body) throws Exception {
        return post(gateway, "/cache/purge", token, body);
    }

    private static HttpResponse<String> post(RunningGateway gateway, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin(gateway, path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI admin(RunningGateway gateway, String path) {
        return URI.create("http://127.0.0.1:" + gateway.runtime().adminPort() + path);
    }

    private static HttpResponse<String> get(RunningGateway gateway, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
