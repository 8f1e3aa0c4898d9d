package io.redline.events.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code simulate} used to write timestamps up to about 55 minutes in the future. */
class SimulatedOrdersTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T00:20:00Z"));

    @Test
    void simulatedFlowsHappenInThePastOrPresentNeverInTheFuture() {
        SimulatedOrders orders = SimulatedOrders.generate("t", 2_000, true, 0.1, 3, clock.instant());
        long now = clock.millis();
        long latest = orders.events().stream().mapToLong(SimulatedEvent::timestamp).max().orElseThrow();
        assertTrue(latest <= now, "the latest event is " + (latest - now) + " ms in the future");
        assertEquals(now, latest, "the last shipment happens now, so that the flow is recent");
    }

    @Test
    void eachOrderIsStillCreatedThenPaidThenShipped() {
        SimulatedOrders orders = SimulatedOrders.generate("t", 500, true, 0, 4, clock.instant());
        Map<String, Map<String, Long>> byOrder = new HashMap<>();
        for (SimulatedEvent event : orders.events()) {
            String orderId = event.payload().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
            byOrder.computeIfAbsent(orderId, id -> new HashMap<>()).put(event.type(), event.timestamp());
        }
        assertEquals(500, byOrder.size());
        byOrder.forEach((id, times) -> {
            assertTrue(times.get("order.created") < times.get("order.paid"), id + " " + times);
            assertTrue(times.get("order.paid") < times.get("order.shipped"), id + " " + times);
        });
    }

    @Test
    void revenueByDayFollowsTheTimestampsAsWritten() {
        SimulatedOrders orders = SimulatedOrders.generate("t", 2_000, false, 0, 5, clock.instant());
        Map<LocalDate, Long> revenue = new TreeMap<>();
        for (SimulatedEvent event : orders.events()) {
            if (event.type().equals("order.paid")) {
                String orderId = event.payload().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
                revenue.merge(Instant.ofEpochMilli(event.timestamp()).atZone(ZoneOffset.UTC).toLocalDate(),
                        orders.totals().get(orderId), Long::sum);
            }
        }
        assertEquals(revenue, orders.revenueCents());
        assertEquals(List.of(LocalDate.parse("2026-11-25")), List.copyOf(revenue.keySet()),
                "an hour before 00:20 the payments all fall on the day before");
    }
}
