package io.redline.deploy.local.traffic;

import io.redline.core.json.Json;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.ExecutorShutdown;
import io.redline.core.lifecycle.Managed;
import io.redline.deploy.local.origin.Catalog;
import io.redline.deploy.local.origin.Product;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated orders on {@code events:ecommerce}, written as any producer in any language would: {@code type},
 * {@code payload} (JSON) and {@code timestamp}. An order is created every {@code interval}, paid 1-3 s later and
 * shipped 3-8 s after that; timestamps are the time of writing, never in the future.
 */
public final class OrderTraffic implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTraffic.class);

    private final RStream<String, String> stream;
    private final Catalog catalog;
    private final Clock clock;
    private final Duration interval;
    private final String runId;
    private final AtomicLong orders = new AtomicLong();
    private ScheduledExecutorService scheduler;

    public OrderTraffic(RedissonClient redis, RedlineKeys keys, Catalog catalog, Clock clock, Duration interval) {
        this.stream = redis.getStream(keys.eventStream());
        this.catalog = catalog;
        this.clock = clock;
        this.interval = interval;
        this.runId = Long.toString(clock.millis(), 36);
    }

    @Override
    public synchronized void start() {
        scheduler = DemoSchedulers.named("demo-orders");
        scheduler.scheduleAtFixedRate(this::newOrder, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            ExecutorShutdown.shutdown("demo-orders", scheduler, Duration.ofSeconds(2));
        }
    }

    private void newOrder() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String orderId = "demo-" + runId + "-" + orders.incrementAndGet();
        List<Map<String, Object>> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Product> products = catalog.products();
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            Product product = products.get(random.nextInt(products.size()));
            int qty = random.nextInt(1, 4);
            items.add(Map.of("sku", product.sku(), "qty", qty, "price", product.price()));
            total = total.add(product.price().multiply(BigDecimal.valueOf(qty)));
        }
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("orderId", orderId);
        created.put("items", items);
        created.put("total", total);
        emit("order.created", created);
        BigDecimal amount = total;
        long paidAfter = random.nextLong(1000, 3001);
        schedule(() -> emit("order.paid", Map.of("orderId", orderId, "amount", amount)), paidAfter);
        schedule(() -> emit("order.shipped", Map.of("orderId", orderId)), paidAfter + random.nextLong(3000, 8001));
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping: an order left half-way is what a real shop sees too
        }
    }

    private void emit(String type, Map<String, Object> payload) {
        Map<String, String> fields = Map.of("type", type, "payload", Json.write(payload),
                "timestamp", String.valueOf(clock.millis()));
        stream.addAsync(StreamAddArgs.entries(fields)).whenComplete((id, error) -> {
            if (error != null) {
                LOG.warn("could not write {} of {}: {}", type, payload.get("orderId"), error.toString());
            }
        });
    }
}
