package io.redline.events.effects;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisScript;
import io.redline.events.event.EventType;
import io.redline.events.event.OrderEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * The projection {@code order:{ORDERID}} (status, total, createdAt, paidAt, shippedAt), revenue per UTC day of
 * the payment's timestamp (cents) and units sold per product, each order counted once.
 */
public final class OrderEffects implements EventHandler {

    static final RedisScript ORDER = RedisScript.fromResource(OrderEffects.class, "order_event.lua");
    static final RedisScript COUNT_ONCE = RedisScript.fromResource(OrderEffects.class, "count_once.lua");

    private final RedlineKeys keys;

    /**
     * @param keys where to write: the live keys, or a replay's fresh ones
     */
    public OrderEffects(RedlineKeys keys) {
        this.keys = keys;
    }

    /** The scripts the batches call by SHA: load them on every master before the first batch. */
    public static List<RedisScript> scripts() {
        return List.of(ORDER, COUNT_ONCE);
    }

    @Override
    public void apply(OrderEvent event, RBatch batch) {
        RScriptBatch script = new RScriptBatch(batch);
        script.call(ORDER, List.<Object>of(keys.orderProjection(event.orderId())), event.type().status(),
                String.valueOf(event.timestamp()), String.valueOf(event.totalCents()));
        if (event.type() == EventType.PAID) {
            LocalDate day = Instant.ofEpochMilli(event.timestamp()).atZone(ZoneOffset.UTC).toLocalDate();
            script.call(COUNT_ONCE, List.<Object>of(keys.dailyRevenueOrders(day), keys.dailyRevenueCents(day)),
                    event.orderId(), "incrby", String.valueOf(event.amountCents()));
        } else if (event.type() == EventType.CREATED) {
            Map<String, Integer> units = new TreeMap<>();
            event.items().forEach(item -> units.merge(item.sku(), item.qty(), Integer::sum));
            List<String> args = new ArrayList<>(List.of(event.orderId(), "zincrby"));
            units.forEach((sku, qty) -> {
                args.add(sku);
                args.add(String.valueOf(qty));
            });
            script.call(COUNT_ONCE, List.<Object>of(keys.unitsSoldOrders(), keys.unitsSold()), args.toArray(new String[0]));
        }
    }

    /** Calls by SHA inside a batch; the worker loads the scripts at start and again after a NOSCRIPT. */
    private static final class RScriptBatch {

        private final RBatch batch;

        RScriptBatch(RBatch batch) {
            this.batch = batch;
        }

        void call(RedisScript script, List<Object> scriptKeys, String... args) {
            batch.getScript(StringCodec.INSTANCE).evalShaAsync((String) scriptKeys.get(0), RScript.Mode.READ_WRITE,
                    script.sha(), RScript.ReturnType.LONG, scriptKeys, (Object[]) args);
        }
    }
}
