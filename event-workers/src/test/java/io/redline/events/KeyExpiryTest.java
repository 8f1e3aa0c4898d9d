package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.events.effects.BatchEffects;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.options.KeysScanOptions;

/**
 * Regression test of "keys that grow forever": the sets of orders already counted in revenue and units never
 * expired (and units had one set for every order ever).
 */
class KeyExpiryTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void theCountedOrdersOfADayExpireEightDaysAfterItAndItsRevenueAfter400() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("expiry"));
        Instant now = Instant.now();
        SimulatedOrders orders = SimulatedOrders.generate("e", 5, false, 0, 3, now);
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of())) {
            new Producer(REDIS.client(), keys).write(orders.events(), 0);
            Awaits.await().until(() -> EndState.drained(REDIS.client(), keys));
        }
        for (LocalDate day : orders.revenueCents().keySet()) {
            Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            assertExpiresAt(keys.dailyRevenueOrders(day), later(endOfDay.plus(BatchEffects.COUNTED_FOR),
                    now.plus(BatchEffects.COUNTED_FOR)));
            assertExpiresAt(keys.dailyRevenueCents(day), endOfDay.plus(BatchEffects.REVENUE_KEPT));
        }
        int unitDays = 0;
        for (String key : REDIS.client().getKeys().getKeys(KeysScanOptions.defaults().pattern(
                keys.unitsSoldOrders(LocalDate.EPOCH).replace("1970-01-01", "*")))) {
            LocalDate day = LocalDate.parse(key.substring(key.length() - 10));
            assertExpiresAt(key, later(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plus(BatchEffects.COUNTED_FOR), now.plus(BatchEffects.COUNTED_FOR)));
            unitDays++;
        }
        assertTrue(unitDays > 0, "the created orders were counted in a day's set");
    }

    @Test
    void anOldDaysCountedOrdersAreKeptEightDaysFromNowSoThatALateEventStillCountsOnce() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("expiry-old"));
        LocalDate longAgo = LocalDate.parse("2024-02-03");
        SimulatedOrders orders = SimulatedOrders.generate("o", 3, false, 0, 3, Instant.parse("2024-02-03T10:00:00Z"));
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of())) {
            new Producer(REDIS.client(), keys).write(orders.events(), 0);
            Awaits.await().until(() -> EndState.drained(REDIS.client(), keys));
        }
        Instant inEightDays = Instant.now().plus(BatchEffects.COUNTED_FOR);
        assertExpiresAt(keys.dailyRevenueOrders(longAgo), inEightDays);
        assertExpiresAt(keys.dailyRevenueCents(longAgo), inEightDays);
        assertExpiresAt(keys.unitsSoldOrders(longAgo), inEightDays);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void assertExpiresAt(String key, Instant expected) {
        long ttl = REDIS.client().getKeys().remainTimeToLive(key);
        Instant expires = Instant.now().plusMillis(ttl);
        assertTrue(ttl > 0 && Duration.between(expected, expires).abs().compareTo(Duration.ofMinutes(1)) < 0,
                key + " expires at " + expected + ", but its TTL was " + ttl + " ms (" + expires + ")");
    }
}
