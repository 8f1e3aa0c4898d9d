package io.redline.stats.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * The dashboard of the contract (docs/contract.md), as printed and stored.
 *
 * @param uniqueVisitors unique client addresses of the UTC day (HyperLogLog estimate)
 * @param revenue revenue of the UTC day, in currency units with two decimals
 * @param topProducts the 5 products with most units sold
 * @param topPages the 5 paths with most views of the day
 * @param activeSessions sessions connected to any chat node now
 * @param requests requests of the day
 * @param errors responses with a 5xx status of the day
 * @param errorRate errors / requests, 0 when there are no requests
 * @param generatedAt when it was read (ISO-8601, UTC)
 */
public record Dashboard(long uniqueVisitors, BigDecimal revenue, List<ProductUnits> topProducts,
                        List<PageViews> topPages, long activeSessions, long requests, long errors, double errorRate,
                        String generatedAt) {

    public Dashboard {
        topProducts = List.copyOf(topProducts);
        topPages = List.copyOf(topPages);
    }

    /**
     * A product and its units sold.
     *
     * @param sku the product
     * @param units units sold
     */
    public record ProductUnits(String sku, long units) {
    }

    /**
     * A path and its views.
     *
     * @param path the request path
     * @param views GET answers with 2xx or 3xx
     */
    public record PageViews(String path, long views) {
    }
}
