package io.redline.gateway.cache;

import io.redline.core.swr.CacheStatus;
import io.redline.core.swr.Cached;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that say how a response was served: {@code X-Cache: HIT|STALE|MISS}, {@code Age} (seconds since the
 * origin answered) and RFC 9211 {@code Cache-Status}.
 */
public final class CacheHeaders {

    /** The cache's identifier in {@code Cache-Status} (RFC 9211 section 2). */
    private static final String CACHE_STATUS_ID = "redline";

    private CacheHeaders() {
    }

    /** For answers through the cache: hits, stale hits and misses (stored, passed through, or a relayed error). */
    public static Map<String, String> of(Cached<?> cached, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Cache", cached.status().name());
        headers.put("Age", String.valueOf(age(cached, now)));
        headers.put("Cache-Status", cacheStatus(cached, now));
        return headers;
    }

    /** For requests the cache does not handle at all (non-GET, Authorization): forwarded as they are. */
    public static Map<String, String> bypass() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Cache", CacheStatus.MISS.name());
        headers.put("Cache-Status", CACHE_STATUS_ID + "; fwd=request");
        return headers;
    }

    /**
     * For requests that should have gone through the cache but went around it, Redis being unavailable: the cache
     * was not consulted at all, so RFC 9211's {@code bypass} (not {@code uri-miss}, which says the cache looked and
     * found nothing, nor {@code request}, which the gateway uses for requests it never caches), with a detail.
     */
    public static Map<String, String> unavailable() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Cache", CacheStatus.MISS.name());
        headers.put("Cache-Status", CACHE_STATUS_ID + "; fwd=bypass; detail=cache-unavailable");
        return headers;
    }

    /** Whole seconds since the origin produced the answer, as {@code Age} says (RFC 9111 5.1). */
    private static long age(Cached<?> cached, Instant now) {
        return Math.max(0, Duration.between(cached.storedAt(), now).toSeconds());
    }

    private static String cacheStatus(Cached<?> cached, Instant now) {
        if (cached.status() == CacheStatus.MISS) {
            return CACHE_STATUS_ID + "; fwd=uri-miss" + (cached.stored() ? "; stored" : "");
        }
        // RFC 9211 2.4: the freshness lifetime minus the current age, so that Age + ttl is the whole lifetime
        long ttl = Duration.between(cached.storedAt(), cached.freshUntil()).toSeconds() - age(cached, now);
        return CACHE_STATUS_ID + "; hit; ttl=" + ttl
                + (cached.status() == CacheStatus.STALE ? "; detail=stale-while-revalidate" : "");
    }
}
