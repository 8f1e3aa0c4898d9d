package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadRequestTest {

    @Test
    void aColdLoadAddsNoCondition() {
        assertEquals(List.of(), LoadRequest.validators(Optional.empty()));
    }

    @Test
    void aRefreshAsksWithTheStoredValidators() {
        OriginResponse stored = new OriginResponse(200, List.of(new Header("ETag", "W/\"v7\""),
                new Header("Last-Modified", "Sat, 31 Oct 2026 09:00:00 GMT")), new byte[0], null);
        assertEquals(List.of(new Header("If-None-Match", "W/\"v7\""),
                new Header("If-Modified-Since", "Sat, 31 Oct 2026 09:00:00 GMT")),
                LoadRequest.validators(Optional.of(stored)));
    }

    @Test
    void aStoredAnswerWithoutValidatorsIsLoadedUnconditionally() {
        OriginResponse stored = new OriginResponse(200, List.of(new Header("Content-Type", "text/plain")),
                new byte[0], null);
        assertEquals(List.of(), LoadRequest.validators(Optional.of(stored)));
    }
}
