package io.redline.events.simulate;

import io.redline.events.event.OrderEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * N orders, each {@code order.created} (1 to 3 lines from a small catalogue), {@code order.paid} and
 * {@code order.shipped}, with the figures a correct consumer must end with. Seeded: the same seed gives the
 * same orders.
 */
public final class SimulatedOrders {

    private static final String[] SKUS = {"kbd-01", "mouse-02", "cable-03", "hub-04", "ssd-05", "ram-06",
        "fan-07", "case-08", "psu-09", "mon-10", "cam-11", "mic-12"};
    private static final long[] PRICES = {4_999, 1_999, 899, 2_450, 8_900, 6_475, 1_250, 7_999, 9_450, 18_999,
        5_525, 3_990};

    private final List<SimulatedEvent> events;
    private final Map<String, Long> totals;
    private final Map<LocalDate, Long> revenueCents;
    private final Map<String, Long> units;

    private SimulatedOrders(List<SimulatedEvent> events, Map<String, Long> totals, Map<LocalDate, Long> revenueCents,
                            Map<String, Long> units) {
        this.events = events;
        this.totals = totals;
        this.revenueCents = revenueCents;
        this.units = units;
    }

    /**
     * @param prefix order ids are {@code <prefix>-<n>}
     * @param shuffle deliver the events of all orders in random order (paid before created, and so on)
     * @param duplicates the probability that an event is written twice
     * @param now when the flows end: every timestamp is at or before it, the last shipment at it, so that no
     *            event claims to come from the future (an event-age metric would go negative)
     */
    public static SimulatedOrders generate(String prefix, int orders, boolean shuffle, double duplicates, long seed,
                                           Instant now) {
        Random random = new Random(seed);
        List<SimulatedEvent> events = new ArrayList<>(orders * 3);
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Long> units = new TreeMap<>();
        List<Long> paidAt = new ArrayList<>(orders);
        // times are made relative to the first creation, then moved so that the last event falls on now
        for (int n = 1; n <= orders; n++) {
            String orderId = prefix + "-" + n;
            long created = n * 37L;
            StringBuilder items = new StringBuilder("[");
            long total = 0;
            int lines = 1 + random.nextInt(3);
            for (int line = 0; line < lines; line++) {
                int product = random.nextInt(SKUS.length);
                int qty = 1 + random.nextInt(3);
                total += PRICES[product] * qty;
                units.merge(SKUS[product], (long) qty, Long::sum);
                items.append(line == 0 ? "" : ",").append("{\"sku\":\"").append(SKUS[product]).append("\",\"qty\":")
                        .append(qty).append(",\"price\":").append(money(PRICES[product])).append('}');
            }
            items.append(']');
            long paid = created + 1_000 + random.nextInt(60_000);
            long shipped = paid + 60_000 + random.nextInt(3_600_000);
            totals.put(orderId, total);
            paidAt.add(paid);
            events.add(new SimulatedEvent("order.created", "{\"orderId\":\"" + orderId + "\",\"items\":" + items
                    + ",\"total\":" + money(total) + "}", created));
            events.add(new SimulatedEvent("order.paid", "{\"orderId\":\"" + orderId + "\",\"amount\":" + money(total)
                    + "}", paid));
            events.add(new SimulatedEvent("order.shipped", "{\"orderId\":\"" + orderId + "\"}", shipped));
        }
        long shift = now.toEpochMilli() - events.stream().mapToLong(SimulatedEvent::timestamp).max().orElse(0);
        events.replaceAll(event -> new SimulatedEvent(event.type(), event.payload(), event.timestamp() + shift));
        Map<LocalDate, Long> revenue = new TreeMap<>();
        int n = 1;
        for (long paid : paidAt) {
            revenue.merge(OrderEvent.dayOf(paid + shift),
                    totals.get(prefix + "-" + n++), Long::sum);
        }
        if (shuffle) {
            Collections.shuffle(events, random);
        }
        List<SimulatedEvent> written = new ArrayList<>(events.size());
        for (SimulatedEvent event : events) {
            written.add(event);
            if (random.nextDouble() < duplicates) {
                written.add(shuffle ? written.size() == 1 ? 0 : random.nextInt(written.size()) : written.size(),
                        event);
            }
        }
        return new SimulatedOrders(written, totals, revenue, units);
    }

    /** A money amount in cents as the decimal a producer writes: 4999 → 49.99. */
    static String money(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    public List<SimulatedEvent> events() {
        return events;
    }

    /** Order id → total in cents. */
    public Map<String, Long> totals() {
        return totals;
    }

    /** UTC day of payment → revenue in cents. */
    public Map<LocalDate, Long> revenueCents() {
        return revenueCents;
    }

    /** SKU → units sold. */
    public Map<String, Long> units() {
        return units;
    }
}
