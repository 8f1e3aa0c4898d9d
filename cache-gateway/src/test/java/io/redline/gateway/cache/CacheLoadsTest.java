package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.swr.Lifetime;
import io.redline.core.swr.Loaded;
import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheLoadsTest {

    private static final CacheLoads LOADS = new CacheLoads(new Freshness(Duration.ofSeconds(60),
            Duration.ofSeconds(300), false));
    private static final OriginResponse STORED = new OriginResponse(200, List.of(new Header("Content-Type",
            "text/plain"), new Header("Content-Length", "4"), new Header("ETag", "\"v1\""),
            new Header("Cache-Control", "max-age=10"), new Header("Age", "50"), new Header("X-Version", "1")),
            "body".getBytes(StandardCharsets.UTF_8), null);

    @Test
    void aStorableAnswerCarriesItsOwnLifetime() {
        Loaded<OriginResponse> loaded = LOADS.classify(STORED, Optional.empty());
        assertEquals(Loaded.Kind.STORE, loaded.kind());
        assertEquals(new Lifetime(Duration.ofSeconds(50), Duration.ofSeconds(10), Duration.ofSeconds(250)),
                loaded.lifetime());
    }

    @Test
    void a304ToARefreshKeepsTheBodyAndTakesTheNewHeadersExceptTheBodysOwn() {
        OriginResponse notModified = new OriginResponse(304, List.of(new Header("ETag", "\"v1\""),
                new Header("Cache-Control", "max-age=30"), new Header("X-Version", "2"),
                new Header("Content-Length", "0")), new byte[0], null);
        Loaded<OriginResponse> loaded = LOADS.classify(notModified, Optional.of(STORED));
        assertEquals(Loaded.Kind.NOT_MODIFIED, loaded.kind());
        assertEquals(200, loaded.value().status());
        assertArrayEquals(STORED.body(), loaded.value().body());
        assertEquals(List.of(new Header("Content-Type", "text/plain"), new Header("Content-Length", "4"),
                new Header("ETag", "\"v1\""), new Header("Cache-Control", "max-age=30"),
                new Header("X-Version", "2")), loaded.value().headers());
        assertEquals(new Lifetime(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(270)), loaded.lifetime(),
                "the stored Age went with the first load");
    }

    @Test
    void a304ThatNamesAnotherEntityTagIsAnErrorThatKeepsTheStoredAnswer() {
        OriginResponse other = new OriginResponse(304, List.of(new Header("ETag", "\"v2\"")), new byte[0], null);
        Loaded<OriginResponse> loaded = LOADS.classify(other, Optional.of(STORED));
        assertEquals(Loaded.Kind.ERROR, loaded.kind());
        assertEquals("origin answered 304 with another ETag than the stored one", loaded.error());
    }

    @Test
    void a304ToAColdLoadIsAnError() {
        OriginResponse notModified = new OriginResponse(304, List.of(), new byte[0], null);
        assertEquals(Loaded.Kind.ERROR, LOADS.classify(notModified, Optional.empty()).kind());
    }
}
