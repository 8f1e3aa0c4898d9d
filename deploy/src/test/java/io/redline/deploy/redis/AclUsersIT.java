package io.redline.deploy.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.redline.core.json.Json;
import io.redline.deploy.k8s.ProcessJars;
import io.redline.deploy.local.ChatClient;
import io.redline.deploy.redis.RedlineAs.Served;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each process jar runs as its own user of {@code deploy/redis/users.acl}, loaded by a real {@code redis-server}
 * with {@code --aclfile}: it does its work, and the server logs no denial ({@code ACL LOG} stays empty after each
 * test). A user without a right gets one line naming the command and the key, and no password ever shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AclUsersIT {

    private RedisProcess redis;
    private AclFile acl;
    private AsAdmin admin;
    private RedlineAs as;

    @BeforeAll
    void startRedisWithTheShippedUsers() throws IOException {
        acl = AclFile.shipped();
        redis = RedisProcess.server(RedisBinaries.serverOnPath().orElseThrow(() -> new AssertionError(
                "redis-server is not on PATH: the ACL file needs Redis 7")),
                "--aclfile", acl.write(Files.createTempDirectory("acl-it-")).toString());
        admin = new AsAdmin(redis.port(), acl.password("admin"));
        as = new RedlineAs(redis.url(), acl);
    }

    @AfterAll
    void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void redisRefusedNothing() throws IOException {
        List<String> denials = AclLog.denials(admin);
        AclLog.reset(admin);
        assertEquals(List.of(), denials, "ACL LOG");
    }

    @Test
    @Order(0)
    void theShippedFileHoldsNoPasswordAndTurnsTheDefaultUserOff() throws IOException {
        for (String line : Files.readAllLines(AclFile.SHIPPED)) {
            assertFalse(line.contains(">") || line.contains(" nopass"), line);
            assertTrue(line.startsWith("user default off ") || line.matches("user [a-z-]+ on #0{64} .*"), line);
        }
        assertTrue(AclFile.line("default").contains(" -@all"), AclFile.line("default"));
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
        try (Served gateway = as.serve("cache-gateway", "cache-gateway", Map.of("ORIGIN_URL",
                "http://127.0.0.1:" + origin.getAddress().getPort(), "RATE_LIMIT", "100", "RATE_WINDOW", "60s"))) {
            HttpResponse<String> first = HttpProbe.get(gateway.url("/products/1?b=2&a=1"));
            assertEquals(200, first.statusCode(), first.body());
            assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(""));
            assertEquals("99", first.headers().firstValue("X-RateLimit-Remaining").orElse(""));
            HttpResponse<String> second = HttpProbe.get(gateway.url("/products/1?a=1&b=2"));
            assertEquals("HIT", second.headers().firstValue("X-Cache").orElse(""));
            assertEquals("{\"product\":1}", second.body());
            Awaits.await().until(() -> admin.call("KEYS", "stats:requests:*") instanceof List<?> days
                    && !days.isEmpty());
        } finally {
            origin.stop(0);
        }
    }

    @Test
    @Order(2)
    void aChatMessageIsStoredAndDeliveredAsTheChatUser() throws Exception {
        try (Served node = as.serve("chat-node", "chat-node", Map.of());
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
            assertEquals(1L, admin.call("LLEN", "chat:history:{acl-room}"));
        }
    }

    /**
     * The worker's every path: an entry left pending by a member that died is reclaimed, a poison entry is
     * dead-lettered, an order is projected and counted, the dead member is removed, and the stream is trimmed.
     */
    @Test
    @Order(3)
    void theWorkerReclaimsDeadLettersProjectsAndTrimsAsTheWorkersUser() throws Exception {
        admin.call("FLUSHALL");
        String now = String.valueOf(System.currentTimeMillis());
        admin.call("XADD", "events:ecommerce", "*", "type", "order.created", "payload",
                "{\"orderId\":\"acl-orphan\",\"items\":[{\"sku\":\"kbd-01\",\"qty\":1,\"price\":5}],\"total\":5}",
                "timestamp", now);
        admin.call("XGROUP", "CREATE", "events:ecommerce", "order-processors", "0");
        admin.call("XREADGROUP", "GROUP", "order-processors", "crashed-1", "COUNT", "1", "STREAMS",
                "events:ecommerce", ">");
        try (Served worker = as.serve("event-workers", "event-workers", Map.of("HOSTNAME", "acl-worker",
                "CLAIM_IDLE", "1s", "CONSUMER_EXPIRY", "1s", "STREAM_RETENTION", "maxlen:1"))) {
            admin.call("XADD", "events:ecommerce", "*", "type", "order.refunded", "payload", "{}", "timestamp", now);
            emitOrder("acl-order-1", now);
            Awaits.await().until(() -> "shipped".equals(admin.call("HGET", "order:{acl-order-1}", "status"))
                    && admin.call("HGET", "order:{acl-order-1}", "total") != null);
            Awaits.await().until(() -> "created".equals(admin.call("HGET", "order:{acl-orphan}", "status")));
            Awaits.await().until(() -> Long.valueOf(1).equals(admin.call("XLEN", "events:ecommerce:dlq")));
            Awaits.await().until(() -> !String.valueOf(admin.call("XINFO", "CONSUMERS", "events:ecommerce",
                    "order-processors")).contains("crashed-1"));
            Awaits.await().until(() -> (Long) admin.call("XLEN", "events:ecommerce") <= 1);
        }
    }

    @Test
    @Order(4)
    void theStatsJobRunsOnceAsItsOwnUser() throws Exception {
        ChildJvm run = as.command("stats-job", "stats-job", Map.of(), "run");
        assertEquals(0, run.waitFor(Duration.ofSeconds(1)), run.stderr());
        assertEquals(21.0, Json.mapper().readTree(run.stdout()).get("revenue").asDouble(), run.stdout());
    }

    /**
     * The commands an operator runs, as the workers' admin user: the dead letter of the worker's test is listed and
     * re-queued, then an order is emitted and the projections are replayed from the stream.
     */
    @Test
    @Order(5)
    void theWorkersCommandsRunAsTheWorkersAdminUser() throws Exception {
        assertTrue(assertSucceeds(cli("dlq", "list")).contains("order.refunded"));
        assertSucceeds(cli("dlq", "requeue"));
        assertEquals(0L, admin.call("XLEN", "events:ecommerce:dlq"));
        admin.call("FLUSHALL");
        assertSucceeds(cli("emit", "--type", "order.created", "--payload",
                "{\"orderId\":\"acl-cli-1\",\"items\":[{\"sku\":\"kbd-01\",\"qty\":1,\"price\":5}],\"total\":5}"));
        admin.call("XADD", "events:ecommerce", "*", "type", "order.paid", "payload",
                "{\"orderId\":\"acl-cli-1\",\"amount\":5}", "timestamp", String.valueOf(System.currentTimeMillis()));
        assertSucceeds(cli("replay"));
        assertEquals("paid", admin.call("HGET", "order:{acl-cli-1}", "status"));
    }

    @Test
    @Order(6)
    void aUserWithoutTheRightIsToldTheCommandAndTheKeyAndNeverThePassword() throws Exception {
        ChildJvm emit = as.command("event-workers", "stats-job", Map.of(), "emit", "--type", "order.shipped",
                "--payload", "{\"orderId\":\"acl-denied\"}");
        assertEquals(1, emit.waitFor(Duration.ofSeconds(1)), emit.stderr());
        assertTrue(emit.stderr().contains("redline-event-workers emit: failed: Redis refused XADD on"
                + " events:ecommerce: NOPERM this user has no permissions to run the 'xadd' command (an ACL rule of"
                + " the Redis user forbids it)"), emit.stderr());
        assertFalse(emit.stderr().contains(acl.password("stats-job")), emit.stderr());
        List<String> denials = AclLog.denials(admin);
        AclLog.reset(admin);
        assertEquals(List.of("reason=command context=toplevel object=xadd username=stats-job"), denials);
    }

    @Test
    @Order(7)
    void aProcessStartedAsAUserWithoutTheRightSaysWhichCommandAndKeyInOneLine() throws Exception {
        try (ChildJvm worker = ChildJvm.startJar(ProcessJars.jar("event-workers"), as.env("stats-job",
                Map.of("ADMIN_PORT", "0", "HOSTNAME", "acl-denied")))) {
            assertEquals(1, worker.waitFor(Duration.ofSeconds(60)), worker.stderr());
            List<String> errors = worker.stderr().lines().filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(1, errors.size(), worker.stderr());
            assertTrue(errors.get(0).endsWith("event-workers: cannot start: Redis refused XGROUP CREATE on"
                    + " events:ecommerce: NOPERM this user has no permissions to run the 'xgroup|create' command (an"
                    + " ACL rule of the Redis user forbids it)"), worker.stderr());
            assertFalse(worker.stderr().contains(acl.password("stats-job")), worker.stderr());
        } finally {
            AclLog.reset(admin);
        }
    }

    @Test
    @Order(8)
    void aWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
        String wrong = "not-the-Pa55word";
        ChildJvm run = ChildJvm.startJar(ProcessJars.jar("stats-job"), Map.of(
                "REDIS_URL", redis.url(), "REDIS_USERNAME", "stats-job", "REDIS_PASSWORD", wrong), "run");
        assertEquals(1, run.waitFor(Duration.ofSeconds(60)), run.stderr());
        assertTrue(run.stderr().startsWith("redline-stats-job run: cannot reach Redis at redis://stats-job:***@127.0.0.1:"
                + redis.port() + "/0: "), run.stderr());
        assertFalse(run.stderr().contains(wrong), run.stderr());
        AclLog.reset(admin);
    }

    /**
     * KEDA's redis-streams scaler logs in with its own user and reads one of three figures of the stream: pending
     * entries of the group ({@code XPENDING}), its length ({@code XLEN}) or its lag ({@code XINFO GROUPS}).
     * Regression: the shipped file turned the default user off and had no user for KEDA, so a cluster that
     * loaded it could no longer scale the workers.
     */
    @Test
    @Order(9)
    void theKedaUserReadsTheScalersFiguresAndNothingElse() throws Exception {
        admin.call("DEL", "events:ecommerce");
        admin.call("XGROUP", "CREATE", "events:ecommerce", "order-processors", "$", "MKSTREAM");
        admin.call("XADD", "events:ecommerce", "*", "type", "order.created", "payload", "{}", "timestamp", "1");
        admin.call("XREADGROUP", "GROUP", "order-processors", "keda-probe", "COUNT", "1", "STREAMS",
                "events:ecommerce", ">");
        String password = acl.password("keda");
        List<?> pending = (List<?>) AsAdmin.callAs(redis.port(), "keda", password, "XPENDING", "events:ecommerce",
                "order-processors");
        assertEquals(1L, pending.get(0), "pending entries of the group");
        assertEquals(1L, AsAdmin.callAs(redis.port(), "keda", password, "XLEN", "events:ecommerce"));
        assertTrue(AsAdmin.callAs(redis.port(), "keda", password, "XINFO", "GROUPS", "events:ecommerce")
                instanceof List<?> groups && groups.size() == 1, "the group's figures");
        assertEquals("PONG", AsAdmin.callAs(redis.port(), "keda", password, "PING"));
        for (String[] forbidden : List.of(new String[] {"XADD", "events:ecommerce", "*", "k", "v"},
                new String[] {"XLEN", "events:ecommerce:dlq"}, new String[] {"HGETALL", "order:{acl-order-1}"},
                new String[] {"XREADGROUP", "GROUP", "order-processors", "keda", "STREAMS", "events:ecommerce", ">"})) {
            assertTrue(String.valueOf(AsAdmin.callAs(redis.port(), "keda", password, forbidden)).contains("NOPERM"),
                    String.join(" ", forbidden));
        }
        AclLog.reset(admin);
    }

    private void emitOrder(String order, String now) throws IOException {
        admin.call("XADD", "events:ecommerce", "*", "type", "order.created", "payload", "{\"orderId\":\"" + order
                + "\",\"items\":[{\"sku\":\"kbd-01\",\"qty\":2,\"price\":10.50}],\"total\":21.00}", "timestamp", now);
        admin.call("XADD", "events:ecommerce", "*", "type", "order.paid", "payload", "{\"orderId\":\"" + order
                + "\",\"amount\":21.00}", "timestamp", now);
        admin.call("XADD", "events:ecommerce", "*", "type", "order.shipped", "payload", "{\"orderId\":\"" + order
                + "\"}", "timestamp", now);
    }

    private ChildJvm cli(String... args) throws InterruptedException {
        return as.command("event-workers", "event-workers-admin", Map.of(), args);
    }

    private static String assertSucceeds(ChildJvm command) throws InterruptedException {
        assertEquals(0, command.waitFor(Duration.ofSeconds(1)), command.stderr());
        return command.stdout();
    }
}
