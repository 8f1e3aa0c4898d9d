package io.redline.deploy.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.redisson.api.RedissonClient;
import org.redisson.Redisson;
import io.redline.core.redis.RedissonConfigs;
import io.redline.core.redis.RedisUrl;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedisMode;
import io.redline.deploy.k8s.ProcessJars;
import io.redline.deploy.redis.RedlineAs.Served;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each process jar runs as its own user of {@code deploy/redis/users.acl}, loaded by a real {@code redis-server}
 * with {@code --aclfile}: it does its work (the scenario's, and here every path of the worker, the operators'
 * commands and KEDA's reads too), and the server logs no denial ({@code ACL LOG} stays empty after each test). A
 * user without a right gets one line naming the command and the key, and no password ever shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AclUsersIT extends AclUsersScenario {

    private RedisProcess redis;
    private AsAdmin admin;
    private RedlineAs as;
    private RedissonClient client;

    @BeforeAll
    void startRedisWithTheShippedUsers() {
        redis = RedisProcess.server(RedisBinaries.serverOnPath().orElseThrow(() -> new AssertionError(
                "redis-server is not on PATH: the ACL file needs Redis 7")), "--aclfile",
                SERVERS_ACL.file().toString());
        redis.logInAs(SERVERS_ACL.user(), SERVERS_ACL.password());
        admin = new AsAdmin(redis.port(), SERVERS_ACL.password());
        as = new RedlineAs(redis.url(), ACL);
        RedisUrl asAdmin = new RedisUrl(RedisUrl.parse(redis.url(), 6379).endpoints(), SERVERS_ACL.user(),
                SERVERS_ACL.password(), 0);
        client = Redisson.create(RedissonConfigs.create(new RedisSettings(RedisMode.SINGLE, asAdmin, null),
                "acl-it-admin"));
    }

    @AfterAll
    void stopRedis() {
        if (client != null) {
            client.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    Map<String, String> redisEnvironment() {
        return Map.of("REDIS_URL", redis.url());
    }

    @Override
    List<RedisProcess> servers() {
        return List.of(redis);
    }

    @Override
    RedissonClient admin() {
        return client;
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



    /**
     * The worker's every path: an entry left pending by a member that died is reclaimed, a poison entry is
     * dead-lettered, an order is projected and counted, the dead member is removed, and the stream is trimmed.
     */
    @Test
    @Order(5)
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


    /**
     * The commands an operator runs, as the workers' admin user: the dead letter of the worker's test is listed and
     * re-queued, then an order is emitted and the projections are replayed from the stream.
     */
    @Test
    @Order(6)
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
    @Order(7)
    void aUserWithoutTheRightIsToldTheCommandAndTheKeyAndNeverThePassword() throws Exception {
        ChildJvm emit = as.command("event-workers", "stats-job", Map.of(), "emit", "--type", "order.shipped",
                "--payload", "{\"orderId\":\"acl-denied\"}");
        assertEquals(1, emit.waitFor(Duration.ofSeconds(1)), emit.stderr());
        assertTrue(emit.stderr().contains("redline-event-workers emit: failed: Redis refused XADD on"
                + " events:ecommerce: NOPERM this user has no permissions to run the 'xadd' command (an ACL rule of"
                + " the Redis user forbids it)"), emit.stderr());
        assertFalse(emit.stderr().contains(ACL.password("stats-job")), emit.stderr());
        List<String> denials = AclLog.denials(admin);
        AclLog.reset(admin);
        assertEquals(List.of("reason=command context=toplevel object=xadd username=stats-job"), denials);
    }

    @Test
    @Order(8)
    void aProcessStartedAsAUserWithoutTheRightSaysWhichCommandAndKeyInOneLine() throws Exception {
        try (ChildJvm worker = ChildJvm.startJar(ProcessJars.jar("event-workers"), as.env("stats-job",
                Map.of("ADMIN_PORT", "0", "HOSTNAME", "acl-denied")))) {
            assertEquals(1, worker.waitFor(Duration.ofSeconds(60)), worker.stderr());
            List<String> errors = worker.stderr().lines().filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(1, errors.size(), worker.stderr());
            assertTrue(errors.get(0).endsWith("event-workers: cannot start: Redis refused XGROUP CREATE on"
                    + " events:ecommerce: NOPERM this user has no permissions to run the 'xgroup|create' command (an"
                    + " ACL rule of the Redis user forbids it)"), worker.stderr());
            assertFalse(worker.stderr().contains(ACL.password("stats-job")), worker.stderr());
        } finally {
            AclLog.reset(admin);
        }
    }

    @Test
    @Order(9)
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
    @Order(10)
    void theKedaUserReadsTheScalersFiguresAndNothingElse() throws Exception {
        admin.call("DEL", "events:ecommerce");
        admin.call("XGROUP", "CREATE", "events:ecommerce", "order-processors", "$", "MKSTREAM");
        admin.call("XADD", "events:ecommerce", "*", "type", "order.created", "payload", "{}", "timestamp", "1");
        admin.call("XREADGROUP", "GROUP", "order-processors", "keda-probe", "COUNT", "1", "STREAMS",
                "events:ecommerce", ">");
        String password = ACL.password("keda");
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
