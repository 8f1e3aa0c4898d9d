package io.redline.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.testkit.Awaits;
import io.redline.core.testkit.FreePorts;
import io.redline.core.testkit.HttpProbe;
import io.redline.core.testkit.RawRedis;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform as {@code redline up} starts it, checked from outside as a user would: every process ready,
 * chat across nodes, an order through the workers, the dashboard moving, and a Ctrl-C that leaves nothing behind.
 * One platform serves every test of a class (it takes a while to start on two cores); the Ctrl-C test is last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PlatformScenario {

    static final Duration START = Duration.ofMinutes(3);
    static final int PROCESSES = 8;

    RunnerProcess runner;
    JsonNode platform;

    /** The runner's PATH: what decides which Redis it starts. */
    abstract String searchPath() throws Exception;

    @BeforeAll
    void startPlatform() throws Exception {
        runner = RunnerProcess.start(Files.createTempDirectory("redline-up-it-"), Map.of("PATH", searchPath()));
        platform = runner.awaitUp(START);
    }

    @AfterAll
    void cleanUp() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    @Order(1)
    void everyProcessBecomesReady() {
        assertEquals(PROCESSES, platform.get("processes").size(), platform.toString());
        for (JsonNode process : platform.get("processes")) {
            assertEquals(200, HttpProbe.status("http://127.0.0.1:" + process.get("adminPort").asInt()
                    + "/health/ready"), process.get("name").asText());
        }
    }

    @Test
    @Order(2)
    void aMessageSentOnOneNodeReachesAClientOnTheOther() throws Exception {
        try (ChatClient listener = ChatClient.connect(httpPort("chat-node-2"), "it-listener")) {
            listener.join("it-room");
            Awaits.await().until(() -> listener.joined("it-room"));
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort("chat-node-1")
                            + "/rooms/it-room/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("userId", "it-sender",
                            "userName", "Sender", "content", "across the nodes"))))
                    .build();
            assertEquals(201, HttpProbe.send(post).statusCode());
            Awaits.await().until(() -> listener.received("across the nodes"));
        }
    }

    @Test
    @Order(3)
    void anEmittedOrderReachesShipped() throws Exception {
        int redis = redisPort();
        String now = String.valueOf(System.currentTimeMillis());
        RawRedis.once(redis, "XADD", "events:ecommerce", "*", "type", "order.created", "payload",
                "{\"orderId\":\"it-order-1\",\"items\":[{\"sku\":\"kbd-01\",\"qty\":2,\"price\":10.50}],"
                        + "\"total\":21.00}", "timestamp", now);
        RawRedis.once(redis, "XADD", "events:ecommerce", "*", "type", "order.paid", "payload",
                "{\"orderId\":\"it-order-1\",\"amount\":21.00}", "timestamp", now);
        RawRedis.once(redis, "XADD", "events:ecommerce", "*", "type", "order.shipped", "payload",
                "{\"orderId\":\"it-order-1\"}", "timestamp", now);
        // two members may take the three events: the shipment can be stored before the creation's total
        Awaits.await().until(() -> "shipped".equals(RawRedis.once(redis, "HGET", "order:{it-order-1}", "status"))
                && RawRedis.once(redis, "HGET", "order:{it-order-1}", "total") != null);
        assertEquals("2100", RawRedis.once(redis, "HGET", "order:{it-order-1}", "total"));
    }

    @Test
    @Order(4)
    void theDashboardCountsRequestsAndRevenue() {
        String url = "http://127.0.0.1:" + platform.get("dashboardPort").asInt() + "/api/dashboard";
        Awaits.await(Duration.ofSeconds(90)).until(() -> {
            JsonNode dashboard = Json.mapper().readTree(HttpProbe.get(url).body());
            return dashboard.get("requests").asLong() > 0 && dashboard.get("revenue").asDouble() > 0
                    && dashboard.get("activeSessions").asLong() > 0;
        });
    }

    @Test
    @Order(100)
    void sigintStopsEveryProcessAndTheRedisAndFreesEveryPort() throws Exception {
        List<Long> pids = new ArrayList<>();
        platform.get("processes").forEach(process -> pids.add(process.get("pid").asLong()));
        if (!platform.get("redis").get("pid").isNull()) {
            pids.add(platform.get("redis").get("pid").asLong());
        }
        List<Integer> ports = new ArrayList<>();
        platform.get("ports").forEach(port -> ports.add(port.asInt()));

        runner.interrupt();

        assertEquals(0, runner.waitFor(Duration.ofSeconds(60)), runner.stderr());
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " is alive");
        }
        for (int port : ports) {
            assertTrue(FreePorts.isFree(port), "port " + port + " is still taken");
        }
        assertTrue(runner.stdout().contains("stopped: every process"), runner.stdout());
    }

    int httpPort(String name) {
        for (JsonNode process : platform.get("processes")) {
            if (process.get("name").asText().equals(name)) {
                return process.get("httpPort").asInt();
            }
        }
        throw new AssertionError("no process " + name + " in " + platform);
    }

    int redisPort() {
        return URI.create(platform.get("redis").get("url").asText()).getPort();
    }

    static Path binaryOnPath(String name) {
        for (String folder : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not on PATH");
    }
}
