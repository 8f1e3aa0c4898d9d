package io.redline.events.effects;

import io.redline.core.keys.RedlineKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one event changes: its order's projection, and at most one aggregate (the revenue of a payment's day, or
 * the units of a created order), each order counted once. Filled by an {@link EventHandler}; stored by
 * {@link BatchEffects}.
 */
public final class EntryEffects {

    private Projection projection;
    private Revenue revenue;
    private Units units;

    void projection(String orderId, String status, long timestamp, long totalCents) {
        projection = new Projection(orderId, status, timestamp, totalCents);
    }

    void revenue(String orderId, LocalDate day, long cents) {
        revenue = new Revenue(orderId, day, cents);
    }

    /** @param lines sku, qty, sku, qty, ... */
    void units(String orderId, LocalDate day, List<String> lines) {
        units = new Units(orderId, day, List.copyOf(lines));
    }

    Projection projection() {
        return projection;
    }

    Revenue revenue() {
        return revenue;
    }

    Units units() {
        return units;
    }

    /** Every key these effects write, in a fixed order (a replay renames its own keys over the live ones). */
    public List<String> keys(RedlineKeys keys) {
        List<String> written = new ArrayList<>(5);
        if (projection != null) {
            written.add(projection.key(keys));
        }
        if (revenue != null) {
            written.add(revenue.ordersKey(keys));
            written.add(revenue.centsKey(keys));
        }
        if (units != null) {
            written.add(units.ordersKey(keys));
            written.add(units.soldKey(keys));
        }
        return written;
    }

    record Projection(String orderId, String status, long timestamp, long totalCents) {

        String key(RedlineKeys keys) {
            return keys.orderProjection(orderId);
        }
    }

    record Revenue(String orderId, LocalDate day, long cents) {

        String ordersKey(RedlineKeys keys) {
            return keys.dailyRevenueOrders(day);
        }

        String centsKey(RedlineKeys keys) {
            return keys.dailyRevenueCents(day);
        }
    }

    record Units(String orderId, LocalDate day, List<String> lines) {

        String ordersKey(RedlineKeys keys) {
            return keys.unitsSoldOrders(day);
        }

        String soldKey(RedlineKeys keys) {
            return keys.unitsSold();
        }
    }
}
