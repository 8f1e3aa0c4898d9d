package io.redline.events.effects;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisScript;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The effects of one batch of events, sent in one pipeline: one projection script per event, and the
 * aggregates summed into one script per day (revenue) and one for units sold, whatever the batch's size.
 */
public final class BatchEffects {

    private final RedlineKeys keys;
    private final RBatch batch;
    private final Map<LocalDate, List<String>> revenue = new HashMap<>();
    private final List<String> units = new ArrayList<>();
    private int commands;

    public BatchEffects(RedissonClient redis, RedlineKeys keys) {
        this.keys = keys;
        this.batch = redis.createBatch(BatchOptions.defaults());
    }

    /** The batch itself, for other commands of the same pipeline (dead letters). */
    public RBatch batch() {
        commands++;
        return batch;
    }

    void projection(String orderId, String status, long timestamp, long totalCents) {
        call(OrderEffects.ORDER, List.of(keys.orderProjection(orderId)), List.of(status, String.valueOf(timestamp),
                String.valueOf(totalCents)));
    }

    void revenue(String orderId, LocalDate day, long cents) {
        List<String> args = revenue.computeIfAbsent(day, d -> new ArrayList<>());
        args.add(orderId);
        args.add(String.valueOf(cents));
    }

    /** @param lines sku, qty, sku, qty, ... */
    void units(String orderId, List<String> lines) {
        units.add(orderId);
        units.add(String.valueOf(lines.size() / 2));
        units.addAll(lines);
    }

    /** Sends everything; throws what the pipeline threw. */
    public void execute() {
        revenue.forEach((day, args) -> call(OrderEffects.REVENUE_ONCE, List.of(keys.dailyRevenueOrders(day),
                keys.dailyRevenueCents(day)), args));
        if (!units.isEmpty()) {
            call(OrderEffects.UNITS_ONCE, List.of(keys.unitsSoldOrders(), keys.unitsSold()), units);
        }
        if (commands > 0) {
            batch.execute();
        }
    }

    private void call(RedisScript script, List<String> scriptKeys, List<String> args) {
        commands++;
        batch.getScript(StringCodec.INSTANCE).evalShaAsync(scriptKeys.get(0), RScript.Mode.READ_WRITE, script.sha(),
                RScript.ReturnType.LONG, new ArrayList<>(scriptKeys), args.toArray());
    }
}
