package io.redline.gateway;

import io.redline.core.config.ConfigReader;
import io.redline.core.ratelimit.FailMode;
import io.redline.gateway.client.TrustedProxies;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The gateway's own variables (docs/contract.md).
 *
 * @param origin {@code ORIGIN_URL}, required, http or https
 * @param freshTtl {@code CACHE_FRESH_TTL}, default 60s
 * @param staleTtl {@code CACHE_STALE_TTL}, default 300s, at least the fresh TTL
 * @param cacheMaxBytes {@code CACHE_MAX_BYTES}, default 1 MiB: larger bodies pass through unstored
 * @param rateLimit {@code RATE_LIMIT}, default 100 requests
 * @param rateWindow {@code RATE_WINDOW}, default 60s
 * @param rateLimitFailMode {@code RATE_LIMIT_FAIL_MODE}, open (default) or closed
 * @param trustedProxies {@code TRUSTED_PROXIES}, CIDR list whose X-Forwarded-For is believed
 * @param httpPort {@code HTTP_PORT}, default 8080
 * @param originConnectTimeout {@code ORIGIN_CONNECT_TIMEOUT}, default 2s
 * @param originTimeout {@code ORIGIN_TIMEOUT}, default 10s: the whole origin response
 */
public record GatewayConfig(URI origin, Duration freshTtl, Duration staleTtl, int cacheMaxBytes, int rateLimit,
                            Duration rateWindow, FailMode rateLimitFailMode, TrustedProxies trustedProxies,
                            int httpPort, Duration originConnectTimeout, Duration originTimeout) {

    public static GatewayConfig read(ConfigReader reader) {
        URI origin = reader.parsed("ORIGIN_URL", URI.create("http://origin.invalid"), GatewayConfig::origin);
        if (reader.optional("ORIGIN_URL").isEmpty()) {
            reader.reject("ORIGIN_URL", null, "required: the http:// or https:// URL of the origin server");
        }
        Duration fresh = reader.duration("CACHE_FRESH_TTL", Duration.ofSeconds(60), Duration.ofMillis(1));
        Duration stale = reader.duration("CACHE_STALE_TTL", Duration.ofSeconds(300), Duration.ofMillis(1));
        if (stale.compareTo(fresh) < 0) {
            reader.reject("CACHE_STALE_TTL", reader.optional("CACHE_STALE_TTL").orElse("300s"),
                    "must be at least CACHE_FRESH_TTL (" + reader.optional("CACHE_FRESH_TTL").orElse("60s") + ")");
        }
        return new GatewayConfig(origin, fresh, stale,
                reader.integer("CACHE_MAX_BYTES", 1 << 20, 1, Integer.MAX_VALUE - 8),
                reader.integer("RATE_LIMIT", 100, 1, 1_000_000),
                reader.duration("RATE_WINDOW", Duration.ofSeconds(60), Duration.ofMillis(1)),
                reader.choice("RATE_LIMIT_FAIL_MODE", FailMode.OPEN, FailMode.class),
                reader.parsed("TRUSTED_PROXIES", TrustedProxies.NONE, TrustedProxies::parse),
                reader.port("HTTP_PORT", 8080),
                reader.duration("ORIGIN_CONNECT_TIMEOUT", Duration.ofSeconds(2), Duration.ofMillis(1)),
                reader.duration("ORIGIN_TIMEOUT", Duration.ofSeconds(10), Duration.ofMillis(1)));
    }

    private static URI origin(String text) {
        String allowed = "must be an absolute http:// or https:// URL without query, such as http://origin:8080";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(allowed, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(allowed);
        }
        return uri;
    }
}
