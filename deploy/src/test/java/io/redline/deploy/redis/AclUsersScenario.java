package io.redline.deploy.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.redline.core.json.Json;
import io.redline.deploy.local.ChatClient;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisAcl;
import io.redline.testkit.RedisProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Every process jar as its own user of {@code deploy/redis/users.acl} on a topology of several servers, each
 * loading the file: the work of each is done, and no server logs a denial ({@code ACL LOG} of every server stays
 * empty after each test). {@link AclUsersIT} runs it on one server, with every path of the worker, the
 * operators' commands and the refusals besides.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AclUsersScenario {

    static final AclFile ACL = shipped();
    /** The file with test passwords, which the servers load; the kit, replicas and sentinels log in as admin. */
    static final RedisAcl SERVERS_ACL = new RedisAcl(write(ACL), "admin", ACL.password("admin"));

    /** REDIS_URL (no credentials), REDIS_MODE and what else the mode needs. */
    abstract Map<String, String> redisEnvironment();

    /** The servers that hold data (not the sentinels), the kit logged in to each as admin. */
    abstract List<RedisProcess> servers();

    /** A client logged in as admin: the test's own writes and reads. */
    abstract RedissonClient admin();

    private RedlineAs as() {
        return new RedlineAs(redisEnvironment(), ACL);
    }

    @AfterEach
    void noServerRefusedAnything() throws IOException {
        List<String> denials = new ArrayList<>();
        for (RedisProcess server : servers()) {
            denials.addAll(AclLog.denials(server::call));
            AclLog.reset(server::call);
        }
        assertEquals(List.of(), denials, "ACL LOG");
    }

    @Test
    @Order(1)
    void theGatewayServesACachedPathWithTheLimiterOnAsItsOwnUser() throws Exception {
        HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", exchange -> {
            byte[] body = "{\"product\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();
        try (RedlineAs.Served gateway = as().serve("cache-gateway", "cache-gateway", Map.of("ORIGIN_URL",
                "http://127.0.0.1:" + origin.getAddress().getPort(), "RATE_LIMIT", "100", "RATE_WINDOW", "60s"))) {
            HttpResponse<String> first = HttpProbe.get(gateway.url("/products/1"));
            assertEquals(200, first.statusCode(), first.body());
            assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(""));
            assertEquals("99", first.headers().firstValue("X-RateLimit-Remaining").orElse(""));
            HttpResponse<String> second = HttpProbe.get(gateway.url("/products/1"));
            assertEquals("HIT", second.headers().firstValue("X-Cache").orElse(""));
            assertEquals("{\"product\":1}", second.body());
        } finally {
            origin.stop(0);
        }
    }

    @Test
    @Order(2)
    void aChatMessageIsStoredAndDeliveredAsTheChatUser() throws Exception {
        try (RedlineAs.Served node = as().serve("chat-node", "chat-node", Map.of());
             ChatClient listener = ChatClient.connect(node.http(), "acl-listener")) {
            listener.join("acl-room");
            Awaits.await().until(() -> listener.joined("acl-room"));
            HttpRequest post = HttpRequest.newBuilder(URI.create(node.url("/rooms/acl-room/messages")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("userId", "acl-sender",
                            "userName", "Sender", "content", "allowed by the ACL"))))
                    .build();
            assertEquals(201, HttpProbe.send(post).statusCode());
            Awaits.await().until(() -> listener.received("allowed by the ACL"));
            assertEquals(1, admin().getList("chat:history:{acl-room}", StringCodec.INSTANCE).size());
        }
    }

    /** With {@code EFFECTS_SYNC_REPLICAS=1}: the user's {@code INFO} and {@code WAIT} are exercised too. */
    @Test
    @Order(3)
    void theWorkerProjectsCountsAndDeadLettersAsTheWorkersUser() throws Exception {
        String now = String.valueOf(System.currentTimeMillis());
        try (RedlineAs.Served worker = as().serve("event-workers", "event-workers", Map.of("HOSTNAME",
                "acl-worker", "CLAIM_IDLE", "1s", "EFFECTS_SYNC_REPLICAS", "1"))) {
            add("order.refunded", "{}", now);
            add("order.created", "{\"orderId\":\"acl-order-1\",\"items\":[{\"sku\":\"kbd-01\",\"qty\":2,"
                    + "\"price\":10.50}],\"total\":21.00}", now);
            add("order.paid", "{\"orderId\":\"acl-order-1\",\"amount\":21.00}", now);
            add("order.shipped", "{\"orderId\":\"acl-order-1\"}", now);
            Awaits.await(Duration.ofSeconds(60)).until(() -> "shipped".equals(projection("status"))
                    && "2100".equals(projection("total")));
            Awaits.await(Duration.ofSeconds(60)).until(() -> admin().getStream("events:ecommerce:dlq",
                    StringCodec.INSTANCE).size() == 1);
            Awaits.await(Duration.ofSeconds(60)).until(() -> admin().getStream("events:ecommerce",
                    StringCodec.INSTANCE).getPendingInfo("order-processors").getTotal() == 0);
        }
    }

    @Test
    @Order(4)
    void theStatsJobRunsOnceAsItsOwnUser() throws Exception {
        ChildJvm run = as().command("stats-job", "stats-job", Map.of(), "run");
        assertEquals(0, run.waitFor(Duration.ofSeconds(1)), run.stderr());
        assertEquals(21.0, Json.mapper().readTree(run.stdout()).get("revenue").asDouble(), run.stdout());
    }

    private void add(String type, String payload, String timestamp) {
        admin().<String, String>getStream("events:ecommerce", StringCodec.INSTANCE).add(StreamAddArgs.entries(
                Map.of("type", type, "payload", payload, "timestamp", timestamp)));
    }

    private String projection(String field) {
        return admin().<String, String>getMap("order:{acl-order-1}", StringCodec.INSTANCE).get(field);
    }

    private static AclFile shipped() {
        try {
            return AclFile.shipped();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.Path write(AclFile acl) {
        try {
            return acl.write(Files.createTempDirectory("acl-topology-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
