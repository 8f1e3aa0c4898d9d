package io.redline.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.http.JettyServer;
import io.redline.core.json.Json;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.stats.dashboard.Dashboard;
import io.redline.stats.dashboard.DashboardReader;
import io.redline.stats.dashboard.DashboardStore;
import io.redline.stats.web.StatsPage;
import io.redline.testkit.Awaits;
import io.redline.testkit.Browsers;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * {@code serve}'s page in a real headless browser: the numbers of {@code /api/dashboard}, uPlot charts of the rates
 * per minute, values on hover, later fetches of only the newer snapshots, no errors. Its screenshot is
 * {@code target/screenshots/dashboard.png}, the picture in docs/.
 */
class DashboardPageTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Collects the page's errors and its fetches (URL, and how many snapshots an array held) before it runs. */
    private static final String PROBE = String.join("\n",
            "window.__errors = []; window.__fetched = [];",
            "addEventListener('error', (e) => __errors.push('error: ' + (e.message || e.target.src || e.target.href)), true);",
            "addEventListener('unhandledrejection', (e) => __errors.push('rejection: ' + e.reason));",
            "document.addEventListener('securitypolicyviolation', (e) => __errors.push('csp: ' + e.violatedDirective));",
            "const consoleError = console.error;",
            "console.error = (...args) => { __errors.push('console: ' + args.join(' ')); consoleError.apply(console, args); };",
            "const originalFetch = window.fetch;",
            "window.fetch = async (...args) => {",
            "  const response = await originalFetch(...args);",
            "  const body = await response.clone().json().catch(() => null);",
            "  __fetched.push({url: String(args[0]), size: Array.isArray(body) ? body.length : -1});",
            "  return response;",
            "};");

    private static final List<String> CHARTS = List.of("trafficChart", "errorRatioChart", "revenueChart",
            "visitorsChart");

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void thePageChartsTheRatesOfTheHistoryShowsValuesOnHoverAndFetchesOnlyNewerSnapshots() throws Exception {
        Browsers.assumeInstalled();
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("page"));
        DashboardStore store = new DashboardStore(REDIS.client(), keys);
        DemoHistory.Totals totals = DemoHistory.store(store, Instant.now().minus(Duration.ofMinutes(1)));
        Seeds.day(REDIS.client(), keys, LocalDate.now(ZoneOffset.UTC), (int) totals.visitors() + 6,
                totals.revenueCents() + 15_000, totals.requests() + 480, totals.errors() + 2);
        Seeds.units(REDIS.client(), keys);
        Seeds.sessions(REDIS.client(), keys, 26, Instant.now().plus(Duration.ofHours(1)), "visitor-");
        Map<String, String> env = Map.of("REDIS_URL", REDIS.redis().url(), "REDLINE_NAMESPACE", "page");
        try (ChildJvm run = ChildJvm.start(StatsMain.class, env, "run")) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(60)), run.stderr());
        }
        int stored = DemoHistory.MINUTES + 1;
        int http = FreePorts.find();
        int admin = FreePorts.find();
        try (ChildJvm serve = ChildJvm.start(StatsMain.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "REDLINE_NAMESPACE", "page", "HTTP_PORT", String.valueOf(http), "ADMIN_PORT", String.valueOf(admin)),
                "serve")) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            JsonNode api = Json.mapper().readTree(HttpProbe.get("http://127.0.0.1:" + http + "/api/dashboard")
                    .body());
            JsonNode history = Json.mapper().readTree(HttpProbe.get("http://127.0.0.1:" + http + "/api/history")
                    .body());
            assertEquals(stored, history.size());
            ChromeDriver browser = Browsers.start();
            try {
                browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
                browser.manage().window().setSize(new Dimension(1100, 1750));
                browser.get("http://127.0.0.1:" + http + "/");
                Awaits.await().until(() -> browser.findElement(By.id("held")).getText()
                        .equals(stored + " snapshots"));

                assertEquals(api.get("uniqueVisitors").asText(), text(browser, "uniqueVisitors"));
                assertEquals(api.get("revenue").decimalValue().setScale(2).toPlainString(), text(browser, "revenue"));
                assertEquals(api.get("requests").asText(), text(browser, "requests"));
                assertEquals(api.get("errors").asText(), text(browser, "errors"));
                assertEquals(List.of("kbd-01 — 60", "mouse-02 — 53", "cable-03 — 46", "hub-04 — 39", "ssd-05 — 32"),
                        browser.executeScript("return Array.from(document.querySelectorAll('#topProducts li'))"
                                + ".map(e => e.textContent);"));

                for (String chart : CHARTS) {
                    assertEquals(1L, browser.executeScript(
                            "return document.querySelectorAll('#" + chart + " .uplot canvas').length;"), chart);
                    assertTrue((Long) browser.executeScript("const c = document.querySelector('#" + chart
                            + " canvas'); return c.width * c.height;") > 100_000L, chart + " has a size");
                }
                assertEquals(List.of((long) stored, (long) stored, (long) stored, (long) stored),
                        browser.executeScript("return charts.map(c => c.chart.data[0].length);"));
                // the requests chart draws rates per minute between snapshots, not the day's counter
                JsonNode first = history.get(0);
                JsonNode second = history.get(1);
                double minutes = (Instant.parse(second.get("generatedAt").asText()).toEpochMilli()
                        - Instant.parse(first.get("generatedAt").asText()).toEpochMilli()) / 60_000.0;
                List<?> requests = (List<?>) browser.executeScript("return charts[0].chart.data[1].slice(0, 2);");
                assertEquals(null, requests.get(0), "the first snapshot has no interval");
                assertEquals((second.get("requests").asLong() - first.get("requests").asLong()) / minutes,
                        ((Number) requests.get(1)).doubleValue(), 1e-9);

                WebElement over = browser.findElement(By.cssSelector("#trafficChart .u-over"));
                new Actions(browser).moveToElement(over, over.getSize().getWidth() / 4, 0).perform();
                Awaits.await().untilAsserted(() -> {
                    List<?> legend = (List<?>) browser.executeScript("return Array.from(document.querySelectorAll("
                            + "'#trafficChart .u-legend .u-value')).map(e => e.textContent);");
                    assertEquals(3, legend.size(), legend.toString());
                    assertTrue(((String) legend.get(0)).matches("20[0-9]{2}-.*"), "time: " + legend);
                    assertTrue(((String) legend.get(1)).matches("[0-9]+\\.[0-9] /min"), "requests: " + legend);
                    assertTrue(((String) legend.get(2)).matches("[0-9]+\\.[0-9] /min"), "errors: " + legend);
                });

                // a next snapshot, counted at the history's pace since the last one: 480 requests a minute and so on
                Dashboard latest = Json.read(api.toString(), Dashboard.class);
                Instant now = Instant.now();
                double sinceLatest = Duration.between(Instant.parse(latest.generatedAt()), now).toMillis() / 60_000.0;
                store.save(new Dashboard(latest.uniqueVisitors() + Math.round(6 * sinceLatest),
                        latest.revenue().add(BigDecimal.valueOf(Math.round(15_000 * sinceLatest), 2)),
                        latest.topProducts(), latest.topPages(), latest.activeSessions() + 1,
                        latest.requests() + Math.round(480 * sinceLatest), latest.errors(), latest.errorRate(),
                        now.toString()));
                Awaits.await().until(() -> browser.findElement(By.id("held")).getText()
                        .equals((stored + 1) + " snapshots"));
                List<?> fetched = (List<?>) browser.executeScript("return __fetched.filter(f => "
                        + "f.url.startsWith('/api/history')).map(f => f.url.replace(/[0-9]+$/, 'MS') + ' ' + f.size);");
                assertEquals("/api/history " + stored, fetched.get(0), fetched.toString());
                assertTrue(fetched.subList(1, fetched.size()).stream().allMatch(f -> f.equals("/api/history?since=MS 0")
                        || f.equals("/api/history?since=MS 1")), fetched.toString());
                assertTrue(fetched.contains("/api/history?since=MS 1"), fetched.toString());
                assertEquals(List.of(), browser.executeScript("return __errors;"));
                // regression: the header showed the raw instant, nanoseconds and all
                assertTrue(text(browser, "generatedAt").matches("as of \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"),
                        text(browser, "generatedAt"));

                new Actions(browser).moveToElement(over, over.getSize().getWidth() / 4, 0).perform();
                Files.createDirectories(SCREENSHOTS);
                File shot = browser.getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), SCREENSHOTS.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void ratesPerMinuteStartAgainAtMidnightAndAfterACounterResetAndTheWindowIsBounded() throws Exception {
        Browsers.assumeInstalled();
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("rates"));
        JettyServer server = new JettyServer("test-http", 0, 8, new StatsPage(new DashboardStore(REDIS.client(), keys),
                new DashboardReader(REDIS.client(), keys, Clock.systemUTC())), Duration.ofSeconds(10));
        server.start();
        ChromeDriver browser = Browsers.start();
        try {
            browser.get("http://127.0.0.1:" + server.port() + "/");
            Awaits.await().until(() -> browser.findElement(By.id("held")).getText().equals("0 snapshots"));
            String snapshots = "const at = (time, requests, errors, revenue) => ({generatedAt: time, requests, errors,"
                    + " revenue, uniqueVisitors: 1, activeSessions: 1});"
                    + "const day = [at('2026-11-28T23:59:00Z', 1000, 10, 50.5),"
                    // a new UTC day: the counters start from zero, so 30 requests in that minute, not -970
                    + " at('2026-11-29T00:00:00Z', 30, 0, 2.5),"
                    // 60.5 s later, with nanoseconds
                    + " at('2026-11-29T00:01:00.500000001Z', 90, 3, 4),"
                    // the counter went down: reset, 12 counted since
                    + " at('2026-11-29T00:02:00.500Z', 12, 1, 1)];";
            assertEquals(List.of("null", "30", String.valueOf(60 * (60 / 60.5)), "12"),
                    strings(browser.executeScript(snapshots + "return Rates.series(day).requests;")));
            assertEquals(List.of("null", "0", "5", "8.333333333333332"),
                    strings(browser.executeScript(snapshots + "return Rates.series(day).errorRatio;")));
            assertEquals(List.of("null", "2.5", String.valueOf(1.5 * (60 / 60.5)), "1"),
                    strings(browser.executeScript(snapshots + "return Rates.series(day).revenue;")));
            assertEquals(List.of("2026-11-29T00:01:00.500000001Z", "2026-11-29T00:02:00.500Z"),
                    browser.executeScript(snapshots + "return Rates.append(day.slice(0, 2), day.slice(1), 2)"
                            + ".map(s => s.generatedAt);"));
            assertEquals(4L, browser.executeScript(snapshots + "return Rates.append(day.slice(0, 3), day.slice(1), 9)"
                    + ".length;"), "a snapshot already held is not added twice");
            assertEquals(1_795_910_520_500L, browser.executeScript(snapshots + "return Rates.sinceOf(day);"));
        } finally {
            browser.quit();
            server.stop();
        }
    }

    private static String text(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<String> strings(Object values) {
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }
}
