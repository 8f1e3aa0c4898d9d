package io.redline.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testkit.Awaits;
import io.redline.testkit.Browsers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** The platform on the {@code redis-server} found on PATH (Redis 7 here), plus a second runner beside it. */
class PlatformOnPathRedisIT extends PlatformScenario {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Override
    String searchPath() {
        binaryOnPath("redis-server");
        return System.getenv("PATH");
    }

    @Test
    @Order(5)
    void theRunnerUsesTheRedisServerOnPath() {
        assertTrue(platform.get("redis").get("source").asText().startsWith("redis-server on PATH"),
                platform.get("redis").toString());
        assertFalse(runner.stdout().contains("note: on Redis"), runner.stdout());
    }

    @Test
    @Order(6)
    void aSecondRunnerBesideTheFirstTakesOtherPortsAndStopsCleanly() throws Exception {
        Path logs = Files.createTempDirectory("redline-up-second-");
        try (RunnerProcess second = RunnerProcess.start(logs, Map.of("PATH", System.getenv("PATH")),
                "--no-traffic", "--gateways", "1", "--chat-nodes", "1", "--workers", "1")) {
            JsonNode other = second.awaitUp(START);
            Set<Integer> taken = new HashSet<>();
            platform.get("ports").forEach(port -> taken.add(port.asInt()));
            other.get("ports").forEach(port -> assertFalse(taken.contains(port.asInt()),
                    "port " + port + " is used by both runners"));
            assertEquals(5, other.get("processes").size());
            second.interrupt();
            assertEquals(0, second.waitFor(Duration.ofSeconds(60)), second.stderr());
            other.get("processes").forEach(process -> assertFalse(ProcessHandle.of(process.get("pid").asLong())
                    .map(ProcessHandle::isAlive).orElse(false), process.toString()));
        }
        everyProcessBecomesReady();
    }

    /** The screenshots in docs/ come from here: {@code target/screenshots/*.png}. */
    @Test
    @Order(7)
    void theChatPageAndTheDashboardShowTheDemoTraffic() throws Exception {
        Browsers.assumeInstalled();
        Files.createDirectories(SCREENSHOTS);
        ChromeDriver browser = Browsers.start();
        try {
            browser.manage().window().setSize(new Dimension(1100, 760));
            browser.get("http://127.0.0.1:" + httpPort("chat-node-1") + "/");
            browser.findElement(By.id("name")).sendKeys("Visitor");
            browser.findElement(By.id("join")).submit();
            Awaits.await(Duration.ofSeconds(60)).until(() ->
                    browser.findElements(By.cssSelector("#messages li")).size() >= 2);
            save(browser, "chat.png");
            browser.manage().window().setSize(new Dimension(1100, 1000));
            browser.get("http://127.0.0.1:" + platform.get("dashboardPort").asInt() + "/");
            Awaits.await(Duration.ofSeconds(60)).until(() -> {
                String requests = browser.findElement(By.id("requests")).getText();
                return requests.matches("[0-9]+") && Long.parseLong(requests) > 0
                        && browser.findElements(By.cssSelector("#topProducts li")).size() == 5;
            });
            save(browser, "dashboard.png");
        } finally {
            browser.quit();
        }
    }

    private static void save(ChromeDriver browser, String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
