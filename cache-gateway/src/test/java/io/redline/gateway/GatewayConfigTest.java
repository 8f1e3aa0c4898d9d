package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.config.ConfigError;
import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.ratelimit.FailMode;
import io.redline.gateway.edge.EdgeConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void defaultsFollowTheSpecification() {
        GatewayConfig config = read(Map.of("ORIGIN_URL", "http://origin:8080"));
        assertEquals(Duration.ofSeconds(60), config.freshTtl());
        assertEquals(Duration.ofSeconds(300), config.staleTtl());
        assertEquals(100, config.rateLimit());
        assertEquals(Duration.ofSeconds(60), config.rateWindow());
        assertEquals(1 << 20, config.cacheMaxBytes());
        assertEquals(FailMode.OPEN, config.rateLimitFailMode());
        assertEquals(8080, config.httpPort());
        assertEquals("", config.trustedProxies().toString());
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        ConfigException error = assertThrows(ConfigException.class, () -> read(Map.of("CACHE_FRESH_TTL", "10m",
                "CACHE_STALE_TTL", "60s", "RATE_LIMIT", "-3", "TRUSTED_PROXIES", "10.0.0.0/8, proxy.local",
                "RATE_LIMIT_FAIL_MODE", "maybe", "CACHE_MAX_BYTES", "1MB")));
        List<String> lines = error.errors().stream().map(ConfigError::line).sorted().collect(Collectors.toList());
        assertEquals(List.of(
                "CACHE_MAX_BYTES=\"1MB\" is invalid: must be a whole number from 1 to 2147483639",
                "CACHE_STALE_TTL=\"60s\" is invalid: must be at least CACHE_FRESH_TTL (10m)",
                "ORIGIN_URL is not set: required: the http:// or https:// URL of the origin server",
                "RATE_LIMIT=\"-3\" is invalid: must be a whole number from 1 to 1000000, or off",
                "RATE_LIMIT_FAIL_MODE=\"maybe\" is invalid: must be one of open, closed",
                "TRUSTED_PROXIES=\"10.0.0.0/8, proxy.local\" is invalid: must be a comma-separated list of IP"
                        + " addresses or CIDR blocks such as 10.0.0.0/8, 192.168.1.7, fd00::/8 (\"proxy.local\" is"
                        + " neither)"), lines);
    }

    @Test
    void theOriginsFreshTimeIsCappedUnlessCacheHonorOriginTtlIsTrueAndNothingButTrueOrFalseIsTaken() {
        assertFalse(read(Map.of("ORIGIN_URL", "http://origin:8080")).honorOriginTtl());
        assertTrue(read(Map.of("ORIGIN_URL", "http://origin:8080", "CACHE_HONOR_ORIGIN_TTL", "true"))
                .honorOriginTtl());
        ConfigException error = assertThrows(ConfigException.class,
                () -> read(Map.of("ORIGIN_URL", "http://origin:8080", "CACHE_HONOR_ORIGIN_TTL", "yes")));
        assertEquals("CACHE_HONOR_ORIGIN_TTL=\"yes\" is invalid: must be true or false",
                error.errors().get(0).line());
    }

    @Test
    void rateLimitOffTurnsTheLimiterOffAndAnyOtherWordIsRefused() {
        GatewayConfig off = read(Map.of("ORIGIN_URL", "http://origin:8080", "RATE_LIMIT", "off"));
        assertEquals(GatewayConfig.RATE_LIMIT_OFF, off.rateLimit());
        assertFalse(off.limited());
        assertTrue(read(Map.of("ORIGIN_URL", "http://origin:8080")).limited());
        ConfigException error = assertThrows(ConfigException.class,
                () -> read(Map.of("ORIGIN_URL", "http://origin:8080", "RATE_LIMIT", "none")));
        assertEquals("RATE_LIMIT=\"none\" is invalid: must be a whole number from 1 to 1000000, or off",
                error.errors().get(0).line());
    }

    @Test
    void theOriginMustBeAnHttpUrl() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> read(Map.of("ORIGIN_URL", "ftp://files.example")));
        assertEquals("ORIGIN_URL=\"ftp://files.example\" is invalid: must be an absolute http:// or https:// URL"
                + " without query, such as http://origin:8080", error.errors().get(0).line());
    }

    @Test
    void aConfigBuiltInCodeIsCheckedAndTheMessageEchoesTheBadValue() {
        GatewayConfig valid = read(Map.of("ORIGIN_URL", "http://origin:8080"));
        IllegalArgumentException stale = assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(
                valid.origin(), Duration.ofMinutes(1), Duration.ofSeconds(30), valid.cacheMaxBytes(),
                valid.rateLimit(), valid.rateWindow(), valid.rateLimitFailMode(), valid.trustedProxies(),
                valid.httpPort(), valid.originConnectTimeout(), valid.originTimeout(), valid.cacheLocalMaxBytes(),
                null, false, valid.edge(), valid.adminToken()));
        assertEquals("staleTtl must be at least freshTtl (PT1M), but was PT30S", stale.getMessage());
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(
                valid.origin(), valid.freshTtl(), valid.staleTtl(), valid.cacheMaxBytes(), -3, valid.rateWindow(),
                valid.rateLimitFailMode(), valid.trustedProxies(), valid.httpPort(), valid.originConnectTimeout(),
                valid.originTimeout(), valid.cacheLocalMaxBytes(),
                null, false, valid.edge(), valid.adminToken()));
        assertEquals("rateLimit must be from 1 to 1000000, or RATE_LIMIT_OFF (0), but was -3", limit.getMessage());
        IllegalArgumentException origin = assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(
                java.net.URI.create("ftp://files.example"), valid.freshTtl(), valid.staleTtl(),
                valid.cacheMaxBytes(), valid.rateLimit(), valid.rateWindow(), valid.rateLimitFailMode(),
                valid.trustedProxies(), valid.httpPort(), valid.originConnectTimeout(), valid.originTimeout(), valid.cacheLocalMaxBytes(),
                null, false, valid.edge(), valid.adminToken()));
        assertEquals("origin must be an absolute http:// or https:// URL without query, such as"
                + " http://origin:8080, but was ftp://files.example", origin.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(
                valid.origin(), valid.freshTtl(), valid.staleTtl(), valid.cacheMaxBytes(), valid.rateLimit(),
                valid.rateWindow(), valid.rateLimitFailMode(), valid.trustedProxies(), valid.httpPort(),
                valid.originConnectTimeout(), Duration.ZERO, valid.cacheLocalMaxBytes(),
                null, false, valid.edge(), valid.adminToken()));
        assertEquals("originTimeout must be at least 1ms, but was PT0S", timeout.getMessage());
    }

    @Test
    void aStaleTtlBelowTheFreshTtlIsReportedWithTheOtherErrorsNotThrownByTheRecord() {
        ConfigReader reader = new ConfigReader(Env.of(Map.of("ORIGIN_URL", "http://o", "CACHE_FRESH_TTL", "10m",
                "CACHE_STALE_TTL", "60s", "RATE_LIMIT", "0")));
        GatewayConfig.read(reader);
        ConfigException error = assertThrows(ConfigException.class, reader::throwIfInvalid);
        assertEquals(List.of("CACHE_STALE_TTL=\"60s\" is invalid: must be at least CACHE_FRESH_TTL (10m)",
                "RATE_LIMIT=\"0\" is invalid: must be a whole number from 1 to 1000000, or off"),
                error.errors().stream().map(ConfigError::line).collect(Collectors.toList()));
    }

    @Test
    void theLimitsOfTheHttpPortHaveDefaultsAndEveryBadOneIsReported() {
        GatewayConfig config = read(Map.of("ORIGIN_URL", "http://origin:8080"));
        assertEquals(EdgeConfig.DEFAULTS, config.edge());
        assertEquals(Duration.ofSeconds(30), config.edge().idleTimeout());
        assertEquals(Duration.ofSeconds(10), config.edge().headerTimeout());
        assertEquals(10_000, config.edge().maxConnections());
        assertEquals(10L << 20, config.edge().maxBodyBytes());
        assertEquals(1_000, config.edge().maxInFlight());
        ConfigException error = assertThrows(ConfigException.class, () -> read(Map.of("ORIGIN_URL", "http://o",
                "HTTP_IDLE_TIMEOUT", "x", "HTTP_HEADER_TIMEOUT", "50ms", "HTTP_MAX_CONNECTIONS", "0",
                "HTTP_MAX_BODY_BYTES", "10MB", "HTTP_MAX_IN_FLIGHT", "-1")));
        assertEquals(List.of(
                "HTTP_HEADER_TIMEOUT=\"50ms\" is invalid: must be at least 100ms",
                "HTTP_IDLE_TIMEOUT=\"x\" is invalid: must be " + io.redline.core.config.Durations.SYNTAX,
                "HTTP_MAX_BODY_BYTES=\"10MB\" is invalid: must be a whole number from 0 to 2147483647",
                "HTTP_MAX_CONNECTIONS=\"0\" is invalid: must be a whole number from 1 to 1000000",
                "HTTP_MAX_IN_FLIGHT=\"-1\" is invalid: must be a whole number from 1 to 1000000"),
                error.errors().stream().map(ConfigError::line).sorted().collect(Collectors.toList()));
    }

    @Test
    void theIdleTimeoutMustOutlastTheWaitForTheOrigin() {
        ConfigException error = assertThrows(ConfigException.class, () -> read(Map.of("ORIGIN_URL", "http://o",
                "ORIGIN_TIMEOUT", "30s")));
        assertEquals("HTTP_IDLE_TIMEOUT=\"30s\" is invalid: must be longer than ORIGIN_TIMEOUT (30s) + 2s, so that"
                + " a client waiting for the origin is not cut off", error.errors().get(0).line());
        assertEquals(Duration.ofSeconds(40), read(Map.of("ORIGIN_URL", "http://o", "ORIGIN_TIMEOUT", "30s",
                "HTTP_IDLE_TIMEOUT", "40s")).edge().idleTimeout());
        GatewayConfig valid = read(Map.of("ORIGIN_URL", "http://o"));
        IllegalArgumentException idle = assertThrows(IllegalArgumentException.class, () -> new GatewayConfig(
                valid.origin(), valid.freshTtl(), valid.staleTtl(), valid.cacheMaxBytes(), valid.rateLimit(),
                valid.rateWindow(), valid.rateLimitFailMode(), valid.trustedProxies(), valid.httpPort(),
                valid.originConnectTimeout(), Duration.ofSeconds(28), valid.cacheLocalMaxBytes(),
                null, false, valid.edge(), valid.adminToken()));
        assertEquals("edge.idleTimeout must be longer than originTimeout + 2s (PT30S), but was PT30S",
                idle.getMessage());
    }

    @Test
    void trustedProxiesMatchAddressesAndBlocks() throws Exception {
        GatewayConfig config = read(Map.of("ORIGIN_URL", "https://o", "TRUSTED_PROXIES",
                "10.0.0.0/8,192.168.1.7, fd00::/8"));
        assertTrue(config.trustedProxies().trusts(InetAddress.getByName("10.200.3.4")));
        assertTrue(config.trustedProxies().trusts(InetAddress.getByName("192.168.1.7")));
        assertTrue(config.trustedProxies().trusts(InetAddress.getByName("fd00::1")));
        assertEquals(false, config.trustedProxies().trusts(InetAddress.getByName("192.168.1.8")));
    }

    @Test
    void originHostHeaderIsAHostWithAnOptionalPortAndUnsetByDefault() {
        assertEquals(null, read(Map.of("ORIGIN_URL", "http://o")).originHostHeader(), "the origin's own host");
        for (String good : List.of("www.example.com", "origin:8080", "10.0.0.5:80", "[fd00::1]:8080", "localhost")) {
            assertEquals(good, read(Map.of("ORIGIN_URL", "http://o", "ORIGIN_HOST_HEADER", good)).originHostHeader());
        }
        ConfigException error = assertThrows(ConfigException.class,
                () -> read(Map.of("ORIGIN_URL", "http://o", "ORIGIN_HOST_HEADER", "evil.example/path")));
        assertEquals(List.of("ORIGIN_HOST_HEADER=\"evil.example/path\" is invalid: must be a host name or IP address"
                + " with an optional port, such as www.example.com or 10.0.0.5:8080 or [fd00::1]:8080"),
                error.errors().stream().map(ConfigError::line).collect(Collectors.toList()));
        for (String bad : List.of("a b", "host:0", "host:70000", "-host", "host:", "a\r\nX-Injected: 1")) {
            assertThrows(ConfigException.class, () -> read(Map.of("ORIGIN_URL", "http://o", "ORIGIN_HOST_HEADER", bad)),
                    bad);
        }
    }

    private static GatewayConfig read(Map<String, String> env) {
        ConfigReader reader = new ConfigReader(Env.of(env));
        GatewayConfig config = GatewayConfig.read(reader);
        reader.throwIfInvalid();
        return config;
    }
}
