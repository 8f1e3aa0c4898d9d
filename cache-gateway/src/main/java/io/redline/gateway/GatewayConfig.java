package io.redline.gateway;

import io.redline.core.config.ConfigReader;
import io.redline.core.ratelimit.FailMode;
import io.redline.gateway.client.TrustedProxies;
import io.redline.gateway.edge.EdgeConfig;
import io.redline.gateway.purge.AdminToken;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own variables (docs/contract.md). Valid by construction, like the core records; {@link #read}
 * reports every bad variable at once before it constructs one.
 *
 * @param origin {@code ORIGIN_URL}, required, http or https
 * @param freshTtl {@code CACHE_FRESH_TTL}, default 60s
 * @param staleTtl {@code CACHE_STALE_TTL}, default 300s, at least the fresh TTL
 * @param cacheMaxBytes {@code CACHE_MAX_BYTES}, default 1 MiB: larger bodies pass through unstored
 * @param rateLimit {@code RATE_LIMIT}, default 100 requests; {@link #RATE_LIMIT_OFF} ({@code off}) for no limiter
 * @param rateWindow {@code RATE_WINDOW}, default 60s
 * @param rateLimitFailMode {@code RATE_LIMIT_FAIL_MODE}, open (default) or closed
 * @param trustedProxies {@code TRUSTED_PROXIES}, CIDR list whose X-Forwarded-For is believed
 * @param httpPort {@code HTTP_PORT}, default 8080
 * @param originConnectTimeout {@code ORIGIN_CONNECT_TIMEOUT}, default 2s
 * @param originTimeout {@code ORIGIN_TIMEOUT}, default 10s: the whole origin response
 * @param cacheLocalMaxBytes {@code CACHE_LOCAL_MAX_BYTES}, default 64 MiB: the near cache's budget; 0 turns it off
 * @param originHostHeader {@code ORIGIN_HOST_HEADER}, a {@code host[:port]} sent as {@code Host} to the origin, or
 *                         {@code null} (the default) for the origin's own host from {@code ORIGIN_URL}
 * @param honorOriginTtl {@code CACHE_HONOR_ORIGIN_TTL}, default false: the origin's fresh time ({@code s-maxage},
 *                       {@code max-age}, {@code Expires}) may exceed {@code CACHE_FRESH_TTL}
 * @param edge the limits of the HTTP port ({@code HTTP_IDLE_TIMEOUT}, {@code HTTP_HEADER_TIMEOUT},
 *             {@code HTTP_MAX_CONNECTIONS}, {@code HTTP_MAX_BODY_BYTES}, {@code HTTP_MAX_IN_FLIGHT}); the idle
 *             timeout must outlast a request's wait for the origin ({@link #originWait()})
 * @param adminToken {@code ADMIN_TOKEN} or {@code ADMIN_TOKEN_FILE}: the bearer token of {@code POST /cache/purge}
 *                   on the admin port; {@link AdminToken#NONE} (the default) leaves that endpoint out
 */
public record GatewayConfig(URI origin, Duration freshTtl, Duration staleTtl, int cacheMaxBytes, int rateLimit,
                            Duration rateWindow, FailMode rateLimitFailMode, TrustedProxies trustedProxies,
                            int httpPort, Duration originConnectTimeout, Duration originTimeout,
                            int cacheLocalMaxBytes, String originHostHeader, boolean honorOriginTtl,
                            EdgeConfig edge, AdminToken adminToken) {

    /** The largest body buffered in memory: the largest array a JVM surely allocates. */
    public static final int MAX_CACHE_BYTES = Integer.MAX_VALUE - 8;
    public static final int MAX_RATE_LIMIT = 1_000_000;
    /** {@code RATE_LIMIT=off}: no limiter at all, for deployments that want only the cache. */
    public static final int RATE_LIMIT_OFF = 0;
    /** The shortest of every duration. */
    public static final Duration MIN_DURATION = Duration.ofMillis(1);
    private static final String ORIGIN_ALLOWED =
            "must be an absolute http:// or https:// URL without query, such as http://origin:8080";
    public static final int DEFAULT_CACHE_LOCAL_MAX_BYTES = 64 << 20;
    private static final Duration DEFAULT_FRESH_TTL = Duration.ofSeconds(60);
    private static final Duration DEFAULT_STALE_TTL = Duration.ofSeconds(300);
    private static final String HOST_ALLOWED = "must be a host name or IP address with an optional port, such as"
            + " www.example.com or 10.0.0.5:8080 or [fd00::1]:8080";
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|" + LABEL + "(\\." + LABEL
            + ")*)(:(?<port>[0-9]{1,5}))?");
    /** A request waits this much longer than {@code ORIGIN_TIMEOUT}, so that the origin's own timeout answers. */
    private static final Duration ORIGIN_WAIT_MARGIN = Duration.ofSeconds(2);

    public GatewayConfig {
        if (origin == null || !isOrigin(origin)) {
            throw new IllegalArgumentException("origin " + ORIGIN_ALLOWED + ", but was " + origin);
        }
        atLeastMin("freshTtl", freshTtl);
        if (staleTtl == null || staleTtl.compareTo(freshTtl) < 0) {
            throw new IllegalArgumentException("staleTtl must be at least freshTtl (" + freshTtl + "), but was "
                    + staleTtl);
        }
        if (cacheMaxBytes < 1 || cacheMaxBytes > MAX_CACHE_BYTES) {
            throw new IllegalArgumentException("cacheMaxBytes must be from 1 to " + MAX_CACHE_BYTES + ", but was "
                    + cacheMaxBytes);
        }
        if (rateLimit != RATE_LIMIT_OFF && (rateLimit < 1 || rateLimit > MAX_RATE_LIMIT)) {
            throw new IllegalArgumentException("rateLimit must be from 1 to " + MAX_RATE_LIMIT
                    + ", or RATE_LIMIT_OFF (" + RATE_LIMIT_OFF + "), but was " + rateLimit);
        }
        atLeastMin("rateWindow", rateWindow);
        if (rateLimitFailMode == null) {
            throw new IllegalArgumentException("rateLimitFailMode must be set, but was null");
        }
        if (trustedProxies == null) {
            throw new IllegalArgumentException("trustedProxies must be set (TrustedProxies.NONE for none), but was"
                    + " null");
        }
        if (httpPort < 1 || httpPort > 65_535) {
            throw new IllegalArgumentException("httpPort must be from 1 to 65535, but was " + httpPort);
        }
        atLeastMin("originConnectTimeout", originConnectTimeout);
        atLeastMin("originTimeout", originTimeout);
        if (cacheLocalMaxBytes < 0) {
            throw new IllegalArgumentException("cacheLocalMaxBytes must be 0 (off) or more, but was "
                    + cacheLocalMaxBytes);
        }
        if (originHostHeader != null && !isHostAndPort(originHostHeader)) {
            throw new IllegalArgumentException("originHostHeader " + HOST_ALLOWED + ", but was " + originHostHeader);
        }
        if (edge == null) {
            throw new IllegalArgumentException("edge must be set (EdgeConfig.DEFAULTS for the defaults), but was null");
        }
        if (adminToken == null) {
            throw new IllegalArgumentException("adminToken must be set (AdminToken.NONE for none), but was null");
        }
        if (edge.idleTimeout().compareTo(originWait(originTimeout)) <= 0) {
            throw new IllegalArgumentException("edge.idleTimeout must be longer than originTimeout + 2s ("
                    + originWait(originTimeout) + "), but was " + edge.idleTimeout());
        }
    }

    /** How long a request waits for the cache or the origin before it is answered 504. */
    public Duration originWait() {
        return originWait(originTimeout);
    }

    private static Duration originWait(Duration originTimeout) {
        return originTimeout == null ? Duration.ZERO : originTimeout.plus(ORIGIN_WAIT_MARGIN);
    }

    /**
     * Reads the variables, reporting every bad one to the reader. A bad value is replaced by a valid one so that
     * reading goes on; the reader's {@code throwIfInvalid()} then fails.
     */
    public static GatewayConfig read(ConfigReader reader) {
        URI origin = reader.parsed("ORIGIN_URL", URI.create("http://origin.invalid"), GatewayConfig::origin);
        if (reader.optional("ORIGIN_URL").isEmpty()) {
            reader.reject("ORIGIN_URL", null, "required: the http:// or https:// URL of the origin server");
        }
        Duration fresh = reader.duration("CACHE_FRESH_TTL", DEFAULT_FRESH_TTL, MIN_DURATION);
        Duration stale = reader.duration("CACHE_STALE_TTL", DEFAULT_STALE_TTL, MIN_DURATION);
        if (stale.compareTo(fresh) < 0) {
            reader.reject("CACHE_STALE_TTL", reader.optional("CACHE_STALE_TTL").orElse("300s"),
                    "must be at least CACHE_FRESH_TTL (" + reader.optional("CACHE_FRESH_TTL").orElse("60s") + ")");
            stale = fresh;
        }
        int cacheMaxBytes = reader.integer("CACHE_MAX_BYTES", 1 << 20, 1, MAX_CACHE_BYTES);
        int rateLimit = reader.parsed("RATE_LIMIT", 100, GatewayConfig::rateLimit);
        Duration rateWindow = reader.duration("RATE_WINDOW", Duration.ofSeconds(60), MIN_DURATION);
        FailMode failMode = reader.choice("RATE_LIMIT_FAIL_MODE", FailMode.OPEN, FailMode.class);
        TrustedProxies proxies = reader.parsed("TRUSTED_PROXIES", TrustedProxies.NONE, TrustedProxies::parse);
        int httpPort = reader.port("HTTP_PORT", 8080);
        Duration connectTimeout = reader.duration("ORIGIN_CONNECT_TIMEOUT", Duration.ofSeconds(2), MIN_DURATION);
        Duration originTimeout = reader.duration("ORIGIN_TIMEOUT", Duration.ofSeconds(10), MIN_DURATION);
        int localMaxBytes = reader.integer("CACHE_LOCAL_MAX_BYTES", DEFAULT_CACHE_LOCAL_MAX_BYTES, 0,
                Integer.MAX_VALUE);
        EdgeConfig edge = EdgeConfig.read(reader);
        if (edge.idleTimeout().compareTo(originWait(originTimeout)) <= 0) {
            reader.reject("HTTP_IDLE_TIMEOUT", reader.optional("HTTP_IDLE_TIMEOUT").orElse("30s"),
                    "must be longer than ORIGIN_TIMEOUT (" + reader.optional("ORIGIN_TIMEOUT").orElse("10s")
                            + ") + 2s, so that a client waiting for the origin is not cut off");
            edge = new EdgeConfig(originWait(originTimeout).plusSeconds(1), edge.headerTimeout(),
                    edge.maxConnections(), edge.maxBodyBytes(), edge.maxInFlight());
        }
        String hostHeader = reader.parsed("ORIGIN_HOST_HEADER", null, GatewayConfig::hostHeader);
        boolean honorOriginTtl = reader.parsed("CACHE_HONOR_ORIGIN_TTL", false, GatewayConfig::bool);
        return new GatewayConfig(origin, fresh, stale, cacheMaxBytes, rateLimit, rateWindow, failMode, proxies,
                httpPort, connectTimeout, originTimeout, localMaxBytes, hostHeader, honorOriginTtl, edge,
                AdminToken.read(reader));
    }

    /** {@code true} or {@code false}, nothing else, so that a typo is not read as either. */
    private static boolean bool(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("must be true or false");
    }

    /** The limit, or {@code off}; {@code 0} is refused, as it reads like "let nothing through". */
    private static int rateLimit(String text) {
        String allowed = "must be a whole number from 1 to " + MAX_RATE_LIMIT + ", or off";
        if ("off".equals(text)) {
            return RATE_LIMIT_OFF;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(allowed, e);
        }
        if (value < 1 || value > MAX_RATE_LIMIT) {
            throw new IllegalArgumentException(allowed);
        }
        return value;
    }

    /** Whether requests go through the limiter ({@code RATE_LIMIT} is not {@code off}). */
    public boolean limited() {
        return rateLimit != RATE_LIMIT_OFF;
    }

    private static URI origin(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(ORIGIN_ALLOWED, e);
        }
        if (!isOrigin(uri)) {
            throw new IllegalArgumentException(ORIGIN_ALLOWED);
        }
        return uri;
    }

    private static String hostHeader(String text) {
        if (!isHostAndPort(text)) {
            throw new IllegalArgumentException(HOST_ALLOWED);
        }
        return text;
    }

    private static boolean isHostAndPort(String text) {
        Matcher matcher = HOST_AND_PORT.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        String port = matcher.group("port");
        return port == null || (Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65_535);
    }

    private static boolean isOrigin(URI uri) {
        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
    }

    private static void atLeastMin(String name, Duration value) {
        if (value == null || value.compareTo(MIN_DURATION) < 0) {
            throw new IllegalArgumentException(name + " must be at least 1ms, but was " + value);
        }
    }
}
