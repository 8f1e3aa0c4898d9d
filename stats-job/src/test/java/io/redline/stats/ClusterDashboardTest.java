package io.redline.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.TestClock;
import io.redline.stats.dashboard.Dashboard;
import io.redline.stats.dashboard.DashboardRun;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same run on a Redis Cluster: the one batch spans slots and nodes. */
class ClusterDashboardTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0);

    @Test
    void theDashboardIsReadAndStoredAcrossTheCluster() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("cluster"));
        TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
        Seeds.day(CLUSTER.client(), keys, LocalDate.parse("2026-11-26"), 20, 99_999, 300, 3);
        Seeds.units(CLUSTER.client(), keys);
        Seeds.sessions(CLUSTER.client(), keys, 2, clock.instant().plusSeconds(30), "s");
        Dashboard dashboard = new DashboardRun(CLUSTER.client(), keys, clock, Duration.ofSeconds(30)).run()
                .orElseThrow();
        assertEquals(20, dashboard.uniqueVisitors());
        assertEquals(new BigDecimal("999.99"), dashboard.revenue());
        assertEquals("kbd-01", dashboard.topProducts().get(0).sku());
        assertEquals("/", dashboard.topPages().get(0).path());
        assertEquals(2, dashboard.activeSessions());
        assertEquals(300, dashboard.requests());
        assertEquals(0.01, dashboard.errorRate());
    }
}
