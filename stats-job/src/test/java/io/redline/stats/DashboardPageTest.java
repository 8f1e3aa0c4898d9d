package io.redline.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.testkit.Awaits;
import io.redline.testkit.Browsers;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code serve}'s page in a real headless browser shows the numbers of {@code /api/dashboard}. */
class DashboardPageTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void thePageShowsTheNumbersOfTheApi() throws Exception {
        Browsers.assumeInstalled();
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("page"));
        Seeds.day(REDIS.client(), keys, LocalDate.now(ZoneOffset.UTC), 12, 31_415, 200, 7);
        Seeds.units(REDIS.client(), keys);
        Map<String, String> env = Map.of("REDIS_URL", REDIS.redis().url(), "REDLINE_NAMESPACE", "page");
        try (ChildJvm run = ChildJvm.start(StatsMain.class, env, "run")) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(60)), run.stderr());
        }
        int http = FreePorts.find();
        int admin = FreePorts.find();
        try (ChildJvm serve = ChildJvm.start(StatsMain.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "REDLINE_NAMESPACE", "page", "HTTP_PORT", String.valueOf(http), "ADMIN_PORT", String.valueOf(admin)),
                "serve")) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            JsonNode api = Json.mapper().readTree(HttpProbe.get("http://127.0.0.1:" + http + "/api/dashboard")
                    .body());
            assertEquals(1, Json.mapper().readTree(HttpProbe.get("http://127.0.0.1:" + http + "/api/history")
                    .body()).size());
            ChromeDriver browser = Browsers.start();
            try {
                browser.get("http://127.0.0.1:" + http + "/");
                Awaits.await().until(() -> !browser.findElement(By.id("requests")).getText().equals("–"));
                assertEquals(api.get("uniqueVisitors").asText(), browser.findElement(By.id("uniqueVisitors"))
                        .getText());
                assertEquals("314.15", browser.findElement(By.id("revenue")).getText());
                assertEquals("200", browser.findElement(By.id("requests")).getText());
                assertEquals("7", browser.findElement(By.id("errors")).getText());
                assertEquals("3.50 %", browser.findElement(By.id("errorRate")).getText());
                Object products = browser.executeScript(
                        "return Array.from(document.querySelectorAll('#topProducts li')).map(e => e.textContent);");
                assertEquals(List.of("kbd-01 — 60", "mouse-02 — 53", "cable-03 — 46", "hub-04 — 39", "ssd-05 — 32"),
                        products);
                assertEquals(1L, browser.executeScript(
                        "return document.querySelectorAll('#requestsChart polyline').length;"));
            } finally {
                browser.quit();
            }
        }
    }
}
