package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.swr.CacheStatus;
import io.redline.core.swr.Cached;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheHeadersTest {

    private static final Instant STORED = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aFreshlyStoredEntryOfSixtySecondsSaysTtlSixtyAndAgeZeroSoThatTheyAddUpToItsLifetime() {
        // regression: ttl was the time left rounded down on its own, 59 at 0.4 s old beside Age 0 (and 61 with the
        // jitter that used to lengthen the fresh time)
        Cached<String> cached = new Cached<>("v", CacheStatus.HIT, STORED, STORED.plusSeconds(60));
        Map<String, String> headers = CacheHeaders.of(cached, STORED.plusMillis(400));
        assertEquals("0", headers.get("Age"));
        assertEquals("redline; hit; ttl=60", headers.get("Cache-Status"));
    }

    @Test
    void ttlCountsDownWithAgeAndGoesNegativeWhenStale() {
        Cached<String> fresh = new Cached<>("v", CacheStatus.HIT, STORED, STORED.plusSeconds(60));
        assertEquals("redline; hit; ttl=18", CacheHeaders.of(fresh, STORED.plusMillis(42_700)).get("Cache-Status"));
        assertEquals("42", CacheHeaders.of(fresh, STORED.plusMillis(42_700)).get("Age"));
        Cached<String> stale = new Cached<>("v", CacheStatus.STALE, STORED, STORED.plusSeconds(60));
        assertEquals("redline; hit; ttl=-5; detail=stale-while-revalidate",
                CacheHeaders.of(stale, STORED.plusMillis(65_300)).get("Cache-Status"));
    }

    @Test
    void aMissSaysWhetherItWasStored() {
        assertEquals("redline; fwd=uri-miss; stored", CacheHeaders.of(new Cached<>("v", CacheStatus.MISS, STORED,
                STORED.plusSeconds(60)), STORED).get("Cache-Status"));
        assertEquals("redline; fwd=uri-miss", CacheHeaders.of(new Cached<>("v", CacheStatus.MISS, STORED, null),
                STORED).get("Cache-Status"));
    }

    @Test
    void requestsTheCacheNeverHandlesAndDetoursAroundAnUnavailableCacheSayDifferentThings() {
        assertEquals("redline; fwd=request", CacheHeaders.bypass().get("Cache-Status"));
        assertEquals("redline; fwd=bypass; detail=cache-unavailable", CacheHeaders.unavailable().get("Cache-Status"));
        assertEquals("MISS", CacheHeaders.unavailable().get("X-Cache"));
    }
}
