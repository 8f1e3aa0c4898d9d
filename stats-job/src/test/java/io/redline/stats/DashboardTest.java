package io.redline.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.OwnerLock;
import io.redline.testkit.RedisExtension;
import io.redline.testkit.TestClock;
import io.redline.stats.dashboard.Dashboard;
import io.redline.stats.dashboard.DashboardReader;
import io.redline.stats.dashboard.DashboardRun;
import io.redline.stats.dashboard.DashboardStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DashboardTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void everyFieldComesFromItsSourceAndTheDayRollsOverAtUtcMidnight() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("seeded"));
        LocalDate today = LocalDate.parse("2026-11-26");
        Seeds.day(REDIS.client(), keys, today, 1_000, 1_234_567, 8_000, 120);
        Seeds.day(REDIS.client(), keys, today.plusDays(1), 3, 500, 40, 0);
        Seeds.units(REDIS.client(), keys);
        TestClock clock = new TestClock(Instant.parse("2026-11-26T23:59:59.500Z"));
        Seeds.sessions(REDIS.client(), keys, 7, clock.instant().plusSeconds(20), "live-");
        Seeds.sessions(REDIS.client(), keys, 4, clock.instant().minusSeconds(5), "dead-");

        JsonNode json = Json.mapper().readTree(Json.write(new DashboardReader(REDIS.client(), keys, clock).pipelined()));
        // a HyperLogLog estimates: 0.81 % standard error; the same input always gives the same estimate
        assertTrue(Math.abs(json.get("uniqueVisitors").asLong() - 1_000) <= 25, "HLL estimate " + json);
        assertEquals("12345.67", json.get("revenue").asText());
        assertEquals(Json.mapper().readTree("[{\"sku\":\"kbd-01\",\"units\":60},{\"sku\":\"mouse-02\",\"units\":53},"
                + "{\"sku\":\"cable-03\",\"units\":46},{\"sku\":\"hub-04\",\"units\":39},{\"sku\":\"ssd-05\","
                + "\"units\":32}]"), json.get("topProducts"));
        assertEquals(Json.mapper().readTree("[{\"path\":\"/\",\"views\":100},{\"path\":\"/products\",\"views\":90},"
                + "{\"path\":\"/cart\",\"views\":80},{\"path\":\"/checkout\",\"views\":70},{\"path\":\"/about\","
                + "\"views\":60}]"), json.get("topPages"));
        assertEquals(7, json.get("activeSessions").asLong(), "expired sessions of dead nodes do not count");
        assertEquals(8_000, json.get("requests").asLong());
        assertEquals(120, json.get("errors").asLong());
        assertEquals(0.015, json.get("errorRate").asDouble());
        assertEquals("2026-11-26T23:59:59.500Z", json.get("generatedAt").asText());
        assertEquals(List.of("uniqueVisitors", "revenue", "topProducts", "topPages", "activeSessions", "requests",
                "errors", "errorRate", "generatedAt"), fields(json));

        clock.advance(Duration.ofSeconds(1));
        Dashboard tomorrow = new DashboardReader(REDIS.client(), keys, clock).pipelined();
        assertEquals(3, tomorrow.uniqueVisitors());
        assertEquals(new BigDecimal("5.00"), tomorrow.revenue());
        assertEquals(40, tomorrow.requests());
        assertEquals(0.0, tomorrow.errorRate(), "no errors: rate 0");
        assertEquals(5, tomorrow.topProducts().size(), "units sold are all-time");
    }

    @Test
    void missingKeysAreZerosAndNoRequestsMeanAnErrorRateOfZero() {
        Dashboard empty = new DashboardReader(REDIS.client(), new RedlineKeys(new KeyNamespace("empty")),
                new TestClock(Instant.parse("2026-01-01T00:00:00Z"))).pipelined();
        assertEquals(new Dashboard(0, new BigDecimal("0.00"), List.of(), List.of(), 0, 0, 0, 0.0,
                "2026-01-01T00:00:00Z"), empty);
    }

    @Test
    void aRunStoresTheLatestAndACappedHistoryAndNeverOverlapsAnother() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("stored"));
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        DashboardRun run = new DashboardRun(REDIS.client(), keys, clock, Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            run.run().orElseThrow();
            clock.advance(Duration.ofMinutes(1));
        }
        DashboardStore store = new DashboardStore(REDIS.client(), keys);
        assertTrue(store.latest().contains("\"generatedAt\":\"2026-11-26T10:02:00Z\""), store.latest());
        assertEquals(3, store.history().size());
        assertTrue(store.history().get(0).contains("10:00:00Z"), "oldest first");

        String token = new OwnerLock(REDIS.client()).tryAcquire(keys.dashboardLock(), Duration.ofSeconds(30))
                .toCompletableFuture().join().orElseThrow();
        assertTrue(run.run().isEmpty(), "a run in progress elsewhere: this one does nothing");
        new OwnerLock(REDIS.client()).release(keys.dashboardLock(), token).toCompletableFuture().join();
        assertTrue(run.run().isPresent());
    }

    private static List<String> fields(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
