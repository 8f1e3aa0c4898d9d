package io.redline.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.RedisExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code run} through its real main: JSON on stdout, logs on stderr, exit codes. */
class RunCommandTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void runPrintsTheDashboardAsOneJsonObjectAndStoresIt() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("cli"));
        Seeds.day(REDIS.client(), keys, LocalDate.now(ZoneOffset.UTC), 5, 4_200, 50, 5);
        try (ChildJvm run = ChildJvm.start(StatsMain.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "REDLINE_NAMESPACE", "cli"), "run")) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(60)), run.stderr());
            JsonNode dashboard = Json.mapper().readTree(run.stdout());
            assertTrue(run.stdout().contains("\"revenue\":42.00,"), run.stdout());
            assertEquals(42.0, dashboard.get("revenue").asDouble());
            assertEquals(0.1, dashboard.get("errorRate").asDouble());
            assertEquals(1, run.stdout().strip().lines().count(), "stdout holds the JSON only");
        }
        assertTrue(((String) REDIS.client().getBucket(keys.dashboardLatest(), RedisCodecs.STRING).get())
                .contains("\"requests\":50"));
    }

    @Test
    void aKeyOfTheWrongTypeExitsWith1AndNamesTheKey() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("wrong"));
        String revenue = keys.dailyRevenueCents(LocalDate.now(ZoneOffset.UTC));
        REDIS.client().getList(revenue, RedisCodecs.STRING).add("not a number");
        try (ChildJvm run = ChildJvm.start(StatsMain.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "REDLINE_NAMESPACE", "wrong"), "run")) {
            assertEquals(1, run.waitFor(Duration.ofSeconds(60)));
            assertEquals("redline-stats-job run: " + revenue + " holds a list, but the dashboard reads it as a string",
                    run.stderr().strip().lines().reduce((a, b) -> b).orElse(""));
            assertEquals("", run.stdout());
        }
    }

    @Test
    void aStringThatIsNotAHyperLogLogIsNamedToo() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("nothll"));
        String visitors = keys.dailyVisitors(LocalDate.now(ZoneOffset.UTC));
        REDIS.client().getBucket(visitors, RedisCodecs.STRING).set("just text");
        try (ChildJvm run = ChildJvm.start(StatsMain.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "REDLINE_NAMESPACE", "nothll"), "run")) {
            assertEquals(1, run.waitFor(Duration.ofSeconds(60)));
            assertTrue(run.stderr().contains("redline-stats-job run: " + visitors + " holds a string that is not a HyperLogLog"),
                    run.stderr());
        }
    }
}
