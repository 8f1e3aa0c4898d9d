package io.redline.gateway.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RScoredSortedSet;

/**
 * Regression test of "the gateway's page-view sorted set takes any 2xx/3xx path for 40 days": a scanner requesting
 * endless distinct paths grew one member per path.
 */
class TrafficRecorderTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void aDaysPageViewsKeepTheMostViewedPathsOnly() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("page-cap"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
        try {
            TrafficRecorder recorder = new TrafficRecorder(REDIS.client(), keys, clock, unused, Duration.ofHours(1),
                    TrafficRecorder.MAX_PAGES + 100, TrafficEvents.NONE);
            for (int view = 0; view < 3; view++) {
                recorder.record("192.0.2.1", "/products/popular", 200, true);
            }
            recorder.flush();
            for (int n = 0; n < TrafficRecorder.MAX_PAGES + 50; n++) {
                recorder.record("192.0.2.2", "/scan/" + n, 200, true);
            }
            recorder.flush();
        } finally {
            unused.shutdownNow();
        }
        RScoredSortedSet<String> pages = REDIS.client().getScoredSortedSet(keys.dailyPageViews(
                LocalDate.parse("2026-11-26")), RedisCodecs.STRING);
        // a flush writes without waiting for Redis's replies (skipResult): its last commands may still be on their way
        Awaits.await(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(TrafficRecorder.MAX_PAGES, pages.size());
            assertEquals(3.0, pages.getScore("/products/popular"), "the most viewed path stays");
            assertTrue(REDIS.client().getKeys().remainTimeToLive(keys.dailyPageViews(LocalDate.parse("2026-11-26")))
                    > 0, "the day's page views expire");
        });
    }
}
