package io.redline.deploy.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.testkit.DocumentedFamilies;
import io.redline.testkit.Promtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the alert rules read only families the processes export. The docs' tables are the
 * list: every process's own test holds its {@code /metrics} to them, both ways.
 */
class MonitoringFilesTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path DASHBOARD = Path.of("grafana", "redline.json");
    private static final Path ALERTS = Path.of("prometheus", "alerts.yaml");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    @Test
    void everyDashboardQueryNamesAnExportedFamily() throws IOException {
        JsonNode dashboard = Json.mapper().readTree(Files.readString(DASHBOARD));
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        assertTrue(expressions.size() >= 20, "the dashboard has its queries: " + expressions);
        assertReadOnlyExportedFamilies(expressions);
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            Matcher family = LABEL_VALUES.matcher(variable.path("query").asText());
            if (family.find()) {
                assertReadOnlyExportedFamilies(List.of(family.group(1)));
            }
        }
    }

    @Test
    void everyAlertRuleNamesAnExportedFamily() throws IOException {
        List<String> expressions = RuleExpressions.read(Files.readAllLines(ALERTS));
        assertEquals(4, expressions.size(), expressions.toString());
        assertReadOnlyExportedFamilies(expressions);
    }

    @Test
    void promtoolAcceptsTheAlertRules() {
        Promtool.checkRules(ALERTS);
    }

    @Test
    void aQueryOnAnOldPerOutcomeNameIsCaught() {
        AssertionError error = assertThrows(AssertionError.class, () -> assertReadOnlyExportedFamilies(
                List.of("sum(rate(gateway_requests_hit_total[5m])) / sum(rate(redline_gateway_requests_total[5m]))")));
        assertEquals("not an exported family: [gateway_requests_hit_total]", error.getMessage());
    }

    @Test
    void namesAreReadPastMatchersRangesGroupingAndFunctions() {
        assertEquals(Set.of("redline_events_pending", "redline_gateway_request_duration_seconds_bucket"),
                PromQlNames.of("histogram_quantile(0.99, sum by (le) (rate(redline_gateway_request_duration_seconds"
                        + "_bucket{namespace=~\"$namespace\",outcome=\"hit\"}[$__rate_interval]))) and on() "
                        + "max(redline_events_pending) > 3 * 300"));
        assertFalse(PromQlNames.of("time() - 5").contains("time"));
    }

    private static void assertReadOnlyExportedFamilies(List<String> expressions) {
        Set<String> readable = readableNames();
        Set<String> unknown = new TreeSet<>();
        for (String expression : expressions) {
            PromQlNames.of(expression).stream().filter(name -> !readable.contains(name)).forEach(unknown::add);
        }
        if (!unknown.isEmpty()) {
            throw new AssertionError("not an exported family: " + unknown);
        }
    }

    /** Each documented family's sample names: a histogram's or summary's series, an info family as it is. */
    private static Set<String> readableNames() {
        Set<String> names = new TreeSet<>();
        for (DocumentedFamilies.Documented family : DocumentedFamilies.read(DOCS.resolve("configuration.md"),
                DOCS.resolve("cache-gateway.md"), DOCS.resolve("chat-node.md"), DOCS.resolve("event-workers.md"),
                DOCS.resolve("stats-job.md"))) {
            names.add(family.name());
            if (family.type().equals("histogram") || family.type().equals("summary")) {
                names.add(family.name() + "_bucket");
                names.add(family.name() + "_sum");
                names.add(family.name() + "_count");
            }
        }
        return names;
    }
}
