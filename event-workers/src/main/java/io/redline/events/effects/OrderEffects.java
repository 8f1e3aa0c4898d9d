package io.redline.events.effects;

import io.redline.core.redis.RedisScript;
import io.redline.events.event.EventType;
import io.redline.events.event.OrderEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The projection {@code order:{ORDERID}} (status, total, createdAt, paidAt, shippedAt), revenue per UTC day of
 * the payment's timestamp (cents) and units sold per product, each order counted once (see {@link BatchEffects}
 * for how long an order is remembered as counted).
 */
public final class OrderEffects implements EventHandler {

    static final RedisScript ORDER = RedisScript.fromResource(OrderEffects.class, "order_event.lua");
    static final RedisScript REVENUE_ONCE = RedisScript.fromResource(OrderEffects.class, "revenue_once.lua");
    static final RedisScript UNITS_ONCE = RedisScript.fromResource(OrderEffects.class, "units_once.lua");

    /** The scripts the batches call by SHA: load them on every master before the first batch. */
    public static List<RedisScript> scripts() {
        return List.of(ORDER, REVENUE_ONCE, UNITS_ONCE);
    }

    @Override
    public void apply(OrderEvent event, EntryEffects effects) {
        effects.projection(event.orderId(), event.type().status(), event.timestamp(), event.totalCents());
        LocalDate day = event.day();
        if (event.type() == EventType.PAID) {
            effects.revenue(event.orderId(), day, event.amountCents());
        } else if (event.type() == EventType.CREATED) {
            Map<String, Integer> units = new TreeMap<>();
            event.items().forEach(item -> units.merge(item.sku(), item.qty(), Integer::sum));
            List<String> lines = new ArrayList<>(units.size() * 2);
            units.forEach((sku, qty) -> {
                lines.add(sku);
                lines.add(String.valueOf(qty));
            });
            effects.units(event.orderId(), day, lines);
        }
    }
}
