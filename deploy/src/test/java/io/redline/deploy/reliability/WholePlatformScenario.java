package io.redline.deploy.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.deploy.local.RunnerProcess;
import io.redline.testkit.Awaits;
import io.redline.testkit.HttpProbe;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.redisson.api.RedissonClient;

/**
 * One scenario for every topology: the local runner starts 2 gateways, 2 chat nodes, 2 worker processes and the
 * stats job as separate JVMs on the topology's Redis; then traffic goes through both gateways, 20 chat clients
 * talk across both nodes, and 5,000 orders go through the workers. The end state must be exact each time. A
 * subclass adds the faults that its topology can show; they run after the scenario, on the same platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WholePlatformScenario {

    static final Duration START = Duration.ofMinutes(4);
    static final Duration DRAIN = Duration.ofMinutes(4);
    static final int ORDERS = 5_000;

    RunnerProcess runner;
    JsonNode platform;
    OrderBook book;
    ChatRooms chat;
    final GatewayTraffic traffic = new GatewayTraffic();
    final Figures figures = new Figures(getClass().getSimpleName());

    /** REDIS_URL, REDIS_MODE and, for Sentinel, REDIS_SENTINEL_MASTER, as the runner reads them. */
    abstract Map<String, String> redisEnvironment();

    abstract RedissonClient redis();

    @BeforeAll
    void startPlatform() throws Exception {
        Map<String, String> env = new HashMap<>(redisEnvironment());
        env.put("PATH", System.getenv("PATH"));
        long start = System.nanoTime();
        runner = RunnerProcess.start(Files.createTempDirectory("redline-reliability-"), env, "--no-traffic",
                "--restart");
        platform = runner.awaitUp(START);
        figures.add("platform up (8 JVMs)", Duration.ofNanos(System.nanoTime() - start));
    }

    @AfterAll
    void stopPlatform() throws Exception {
        if (chat != null) {
            chat.close();
        }
        if (runner != null) {
            runner.interrupt();
            runner.waitFor(Duration.ofSeconds(60));
            runner.close();
        }
        figures.write();
    }

    @Test
    @Order(1)
    void ordersChatAndTrafficEndInTheExactState() throws Exception {
        book = new OrderBook("rel").add(ORDERS, 1);
        chat = ChatRooms.open("rel", 20, 4, httpPorts("chat-node"));
        {
            long start = System.nanoTime();
            book.publish(redis(), 0, ORDERS);
            chat.sendRound("first", 2);
            traffic.browse(httpPorts("cache-gateway"), 200);
            Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
            figures.add(ORDERS + " orders (" + 3 * ORDERS + " events) produced and drained",
                    Duration.ofNanos(System.nanoTime() - start));
            assertEquals(List.of(), book.differences(redis()));
            Awaits.await(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(), chat.differences()));
            figures.add("chat: " + chat.messagesSent() + " messages, each client got each of its rooms' once", "ok");
            assertEquals(200, traffic.count("200"), traffic.answers().toString());
            figures.add("gateway answers", traffic.answers().toString());
        }
        dashboardAgreesWithTheBook();
    }

    void dashboardAgreesWithTheBook() {
        String url = "http://127.0.0.1:" + platform.get("dashboardPort").asInt() + "/api/dashboard";
        double expected = book.revenueCents() / 100.0;
        Awaits.await(Duration.ofSeconds(60)).until(() -> {
            JsonNode dashboard = Json.mapper().readTree(HttpProbe.get(url).body());
            return Math.abs(dashboard.get("revenue").asDouble() - expected) < 0.005
                    && dashboard.get("requests").asLong() >= 200;
        });
    }

    /** A producer as a careful application writes: a batch that fails is sent again (entries may repeat). */
    void publishRetrying(OrderBook book) {
        publishRetrying(book, 0, Duration.ZERO);
    }

    /** The orders of {@code book} from {@code start}, 100 at a time, {@code between} batches. */
    void publishRetrying(OrderBook book, int start, Duration between) {
        for (int from = start; from < book.size(); from += 100) {
            int to = Math.min(book.size(), from + 100);
            int first = from;
            Awaits.await(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                book.publish(redis(), first, to);
                return true;
            });
            if (!between.isZero()) {
                Awaitility.await().pollDelay(between).atMost(between.plusSeconds(1)).until(() -> true);
            }
        }
    }

    /**
     * Stops the chat that went on through a failover; every message its sender saw accepted must reach every
     * receiver exactly once, live or by a catch-up from history. What happened is recorded as figures.
     */
    void chatThrough(FailoverChat chatting, String label) throws Exception {
        try (chatting) {
            chatting.stopSending();
            Awaits.await(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(List.of(),
                    chatting.acceptedNotReceivedOnce()));
            assertTrue(chatting.count(FailoverChat.Outcome.ACCEPTED) > 0, chatting.outcomes());
            figures.add(label + ": chat sent through it", chatting.outcomes());
            figures.add(label + ": chat messages a catch-up from history sent to clients",
                    String.valueOf(chatting.recoveredFromHistory()));
            figures.add(label + ": accepted chat messages not received exactly once by every receiver", "0");
        }
    }

    /** Every process of the platform answers ready. */
    void everyProcessIsReady() {
        for (JsonNode process : runner.platform().get("processes")) {
            assertEquals(200, HttpProbe.status("http://127.0.0.1:" + process.get("adminPort").asInt()
                    + "/health/ready"), process.get("name").asText());
        }
    }

    boolean everyProcessAnswersReady() {
        for (JsonNode process : runner.platform().get("processes")) {
            if (HttpProbe.status("http://127.0.0.1:" + process.get("adminPort").asInt() + "/health/ready") != 200) {
                return false;
            }
        }
        return true;
    }

    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        runner.platform().get("processes").forEach(process -> pids.add(process.get("pid").asLong()));
        return pids;
    }

    void assertAlive(List<Long> pids) {
        for (long pid : pids) {
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " died");
        }
    }

    List<Integer> httpPorts(String module) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode process : platform.get("processes")) {
            if (process.get("name").asText().startsWith(module + "-")) {
                ports.add(process.get("httpPort").asInt());
            }
        }
        return ports;
    }

    long pidOf(String name) {
        for (JsonNode process : runner.platform().get("processes")) {
            if (process.get("name").asText().equals(name)) {
                return process.get("pid").asLong();
            }
        }
        throw new AssertionError("no process " + name);
    }
}
