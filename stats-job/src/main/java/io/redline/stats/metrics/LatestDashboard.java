package io.redline.stats.metrics;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.metrics.Family;
import io.redline.stats.dashboard.DashboardStore;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code serve}'s view of the runs, whichever process made them (in Kubernetes a CronJob that is never scraped):
 * when the stored dashboard was generated, read from Redis at each scrape.
 */
public final class LatestDashboard {

    public static final Family GENERATED = Family.gauge("redline_stats_dashboard_generated_timestamp_seconds",
            "When the latest stored dashboard was generated, in seconds since the epoch (read from Redis at each "
                    + "scrape); 0 when there is none, NaN when Redis cannot be read.");

    private LatestDashboard() {
    }

    public static void watch(MetricRegistry registry, DashboardStore store) {
        GENERATED.watch(registry, () -> generatedAt(store));
    }

    private static double generatedAt(DashboardStore store) {
        try {
            String latest = store.latest();
            if (latest == null) {
                return 0;
            }
            JsonNode generatedAt = Json.mapper().readTree(latest).get("generatedAt");
            return generatedAt == null ? 0 : Instant.parse(generatedAt.asText()).toEpochMilli() / 1000.0;
        } catch (RuntimeException | IOException e) {
            // Redis away or an unreadable value: the scrape must still answer
            return Double.NaN;
        }
    }
}
