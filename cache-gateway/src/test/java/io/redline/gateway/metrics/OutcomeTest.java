package io.redline.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.swr.CacheStatus;
import io.redline.core.swr.Cached;
import io.redline.gateway.origin.OriginResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static final Instant STORED_AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant FRESH_UNTIL = STORED_AT.plusSeconds(60);

    @Test
    void everyCacheStatusMapsToAnOutcomeOfItsOwn() {
        assertEquals(Outcome.HIT, Outcome.served(cached(200, CacheStatus.HIT, FRESH_UNTIL)));
        assertEquals(Outcome.STALE, Outcome.served(cached(200, CacheStatus.STALE, FRESH_UNTIL)));
        assertEquals(Outcome.MISS, Outcome.served(cached(200, CacheStatus.MISS, FRESH_UNTIL)));
    }

    @Test
    void aMissThatWasNotStoredIsAPassOrARelayedOriginError() {
        assertEquals(Outcome.PASS, Outcome.served(cached(200, CacheStatus.MISS, null)));
        assertEquals(Outcome.PASS, Outcome.served(cached(404, CacheStatus.MISS, null)));
        assertEquals(Outcome.ORIGIN_ERROR, Outcome.served(cached(503, CacheStatus.MISS, null)));
    }

    @Test
    void aForwardedAnswerIsAPassUnlessTheOriginFailed() {
        assertEquals(Outcome.PASS, Outcome.forwarded(response(499)));
        assertEquals(Outcome.ORIGIN_ERROR, Outcome.forwarded(response(500)));
    }

    @Test
    void eachOutcomeIsALowerCaseLabelValue() {
        assertEquals("origin_error", Outcome.ORIGIN_ERROR.label());
        assertEquals("hit", Outcome.HIT.label());
    }

    private static Cached<OriginResponse> cached(int status, CacheStatus cacheStatus, Instant freshUntil) {
        return new Cached<>(response(status), cacheStatus, STORED_AT, freshUntil);
    }

    private static OriginResponse response(int status) {
        return new OriginResponse(status, List.of(), new byte[0], null);
    }
}
