package io.redline.deploy.reliability;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.redisson.api.RBatch;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Orders made up for a run, each created, paid and shipped, written as any producer would; and what the workers
 * must have made of them: every order shipped with its exact total, the day's revenue and the units per product
 * to the cent and the unit, nothing pending, nothing dead-lettered.
 */
final class OrderBook {

    static final String STREAM = "events:ecommerce";
    static final String GROUP = "order-processors";
    private static final int SKUS = 20;
    private static final int BATCH = 500;

    private final String prefix;
    private final List<Order> orders = new ArrayList<>();
    private final Map<String, Long> units = new TreeMap<>();
    private long revenueCents;

    private record Order(String id, String items, long totalCents) {
    }

    /** @param prefix makes the ids and skus of this book its own */
    OrderBook(String prefix) {
        this.prefix = prefix;
    }

    /** Makes up {@code count} more orders (seeded: the same seed, the same orders). */
    OrderBook add(int count, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            StringBuilder items = new StringBuilder("[");
            long total = 0;
            int lines = 1 + random.nextInt(3);
            for (int line = 0; line < lines; line++) {
                String sku = prefix + "-sku-" + random.nextInt(SKUS);
                int qty = 1 + random.nextInt(5);
                long price = 100 + random.nextInt(9_900);
                total += qty * price;
                units.merge(sku, (long) qty, Long::sum);
                items.append(line == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"qty\":")
                        .append(qty).append(",\"price\":").append(money(price)).append('}');
            }
            revenueCents += total;
            orders.add(new Order(prefix + "-" + orders.size(), items.append(']').toString(), total));
        }
        return this;
    }

    /**
     * How many orders of this book are not exactly as made up, and how many of those have no projection at all
     * (their events never reached the workers: writes acknowledged to a producer and lost in a failover).
     */
    Inexact inexactOrders(RedissonClient redis) {
        long inexact = 0;
        long absent = 0;
        for (Order order : orders) {
            Map<String, String> projection = redis.<String, String>getMap("order:{" + order.id() + "}",
                    StringCodec.INSTANCE).readAllMap();
            if (!"shipped".equals(projection.get("status"))
                    || !String.valueOf(order.totalCents()).equals(projection.get("total"))) {
                inexact++;
                absent += projection.isEmpty() ? 1 : 0;
            }
        }
        return new Inexact(inexact, absent, orders.size());
    }

    /** Orders not exactly as made up, of which {@code absent} have no projection at all, out of {@code of}. */
    record Inexact(long inexact, long absent, int of) {

        @Override
        public String toString() {
            return inexact + " of " + of + " (" + absent + " without any projection)";
        }
    }

    int size() {
        return orders.size();
    }

    long revenueCents() {
        return revenueCents;
    }

    /** Writes the events of orders {@code from} (inclusive) to {@code to} (exclusive), 500 entries a round trip. */
    void publish(RedissonClient redis, int from, int to) {
        RBatch batch = redis.createBatch();
        int queued = 0;
        for (Order order : orders.subList(from, to)) {
            String now = String.valueOf(System.currentTimeMillis());
            for (Map<String, String> event : List.of(
                    event("order.created", "{\"orderId\":\"" + order.id() + "\",\"items\":" + order.items()
                            + ",\"total\":" + money(order.totalCents()) + "}", now),
                    event("order.paid", "{\"orderId\":\"" + order.id() + "\",\"amount\":"
                            + money(order.totalCents()) + "}", now),
                    event("order.shipped", "{\"orderId\":\"" + order.id() + "\"}", now))) {
                batch.<String, String>getStream(STREAM, StringCodec.INSTANCE).addAsync(StreamAddArgs.entries(event));
                if (++queued == BATCH) {
                    batch.execute();
                    batch = redis.createBatch();
                    queued = 0;
                }
            }
        }
        if (queued > 0) {
            batch.execute();
        }
    }

    /** Every difference between what the workers stored and this book, at most 20; empty when all is exact. */
    List<String> differences(RedissonClient redis) {
        return differences(redis, true);
    }

    /** @param withRevenue whether this book alone made the day's revenue (not when another book ran that day) */
    List<String> differences(RedissonClient redis, boolean withRevenue) {
        List<String> found = new ArrayList<>();
        for (Order order : orders) {
            Map<String, String> projection = redis.<String, String>getMap("order:{" + order.id() + "}",
                    StringCodec.INSTANCE).readAllMap();
            if (!"shipped".equals(projection.get("status"))
                    || !String.valueOf(order.totalCents()).equals(projection.get("total"))) {
                found.add("order " + order.id() + ": " + projection + ", expected shipped with total "
                        + order.totalCents());
            }
            if (found.size() >= 20) {
                return found;
            }
        }
        String day = Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String revenue = redis.<String>getBucket("stats:revenue:{" + day + "}", StringCodec.INSTANCE).get();
        if (withRevenue && !String.valueOf(revenueCents).equals(revenue)) {
            found.add("revenue of " + day + " is " + revenue + ", expected " + revenueCents);
        }
        var sold = redis.<String>getScoredSortedSet("stats:{units}:sold", StringCodec.INSTANCE);
        units.forEach((sku, expected) -> {
            Double stored = sold.getScore(sku);
            if (stored == null || stored.longValue() != expected) {
                found.add("units of " + sku + " are " + stored + ", expected " + expected);
            }
        });
        RStream<String, String> stream = redis.getStream(STREAM, StringCodec.INSTANCE);
        long pending = stream.getPendingInfo(GROUP).getTotal();
        if (pending != 0) {
            found.add(pending + " entries still pending");
        }
        long dead = redis.getStream(STREAM + ":dlq", StringCodec.INSTANCE).size();
        if (dead != 0) {
            found.add(dead + " dead letters");
        }
        return found;
    }

    /** Whether the workers are done: every entry of the stream delivered and acknowledged. */
    static boolean drained(RedissonClient redis) {
        RStream<String, String> stream = redis.getStream(STREAM, StringCodec.INSTANCE);
        if (!stream.isExists()) {
            return false;
        }
        var group = stream.listGroups().stream().filter(info -> info.getName().equals(GROUP)).findFirst();
        return group.isPresent() && group.get().getPending() == 0
                && group.get().getLastDeliveredId().equals(stream.getInfo().getLastGeneratedId());
    }

    private static Map<String, String> event(String type, String payload, String timestamp) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("payload", payload);
        fields.put("timestamp", timestamp);
        return fields;
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format(java.util.Locale.ROOT, "%02d", cents % 100);
    }
}
