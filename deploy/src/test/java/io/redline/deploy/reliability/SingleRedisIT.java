package io.redline.deploy.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisUrl;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** (a) One Redis with AOF: the scenario, then a Redis stall and a worker killed mid-batch. */
class SingleRedisIT extends WholePlatformScenario {

    private final RedisProcess server = RedisProcess.server(RedisBinaries.anyServer(), "--appendonly", "yes",
            "--appendfsync", "everysec");
    private RedissonClient client;

    private RedisSettings redisSettings() {
        return new RedisSettings(RedisMode.SINGLE, RedisUrl.parse(server.url(), 6379), null);
    }

    @Override
    Map<String, String> redisEnvironment() {
        return Map.of("REDIS_URL", server.url(), "REDIS_MODE", "single");
    }

    @Override
    synchronized RedissonClient redis() {
        if (client == null) {
            client = Redisson.create(RedissonConfigs.create(redisSettings(), "reliability-check"));
        }
        return client;
    }

    @AfterAll
    void stopRedis() {
        if (client != null) {
            client.shutdown();
        }
        server.close();
    }

    @Test
    @Order(2)
    void aFiveSecondRedisStallKillsNoProcessAndEveryOneRecovers() throws Exception {
        List<Long> pids = pids();
        int before = book.size();
        book.add(1_000, 2);
        traffic.reset();
        server.freeze();
        long frozenAt = System.nanoTime();
        try {
            // what a browser sees meanwhile: the gateway answers fresh entries from its near cache, in-process
            traffic.browse(httpPorts("cache-gateway"), 20);
            figures.add("stall 5 s: gateway answers during the stall", traffic.answers().toString());
            figures.add("stall 5 s: slowest gateway answer during the stall", traffic.slowest());
            Awaits.await(Duration.ofSeconds(10)).until(() -> System.nanoTime() - frozenAt
                    >= Duration.ofSeconds(5).toNanos());
        } finally {
            server.thaw();
        }
        long thawedAt = System.nanoTime();
        Awaits.await(Duration.ofSeconds(60)).until(this::everyProcessAnswersReady);
        figures.add("stall 5 s: every process ready again after the thaw",
                Duration.ofNanos(System.nanoTime() - thawedAt));
        assertAlive(pids);
        book.publish(redis(), before, book.size());
        traffic.reset();
        traffic.browse(httpPorts("cache-gateway"), 50);
        assertEquals(50, traffic.count("200"), traffic.answers().toString());
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        assertEquals(List.of(), book.differences(redis()));
        figures.add("stall 5 s: orders after the stall", "exact");
    }

    @Test
    @Order(3)
    void aWorkerKilledMidBatchLosesNothingAndCountsNothingTwice() throws Exception {
        int before = book.size();
        book.add(3_000, 3);
        long victim = pidOf("event-workers-1");
        book.publish(redis(), before, book.size());
        Awaits.await(Duration.ofSeconds(30)).until(() -> redis().getStream(OrderBook.STREAM)
                .getPendingInfo(OrderBook.GROUP).getTotal() > 0);
        long killedAt = System.nanoTime();
        new ProcessBuilder("kill", "-9", String.valueOf(victim)).start().waitFor();
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        figures.add("worker kill -9 mid-batch: drained after the kill", Duration.ofNanos(System.nanoTime() - killedAt));
        assertEquals(List.of(), book.differences(redis()));
        Awaits.await(Duration.ofSeconds(60)).until(() -> pidOf("event-workers-1") != victim);
        assertNotEquals(victim, pidOf("event-workers-1"));
        dashboardAgreesWithTheBook();
    }

    @Test
    @Order(4)
    void aRedisRestartIsSurvivedByEveryProcessWithoutLosingAnOrderOrAMessage() throws Exception {
        List<Long> pids = pids();
        int before = book.size();
        book.add(2_000, 4);
        book.publish(redis(), before, book.size());
        server.stop();
        long stoppedAt = System.nanoTime();
        Awaits.await(Duration.ofSeconds(30)).until(() -> !everyProcessAnswersReady());
        figures.add("restart: a readiness check answered 503 after the stop", Duration.ofNanos(System.nanoTime()
                - stoppedAt));
        traffic.reset();
        traffic.browse(httpPorts("cache-gateway"), 20);
        figures.add("restart: gateway answers while Redis is down", traffic.answers().toString());
        assertEquals(20, traffic.count("200"), traffic.answers().toString());
        chat.sendRefused(0, "while-redis-is-down");
        figures.add("restart: a chat send while Redis is down", "refused with an error frame");
        server.start();
        long startedAt = System.nanoTime();
        Awaits.await(Duration.ofSeconds(90)).until(this::everyProcessAnswersReady);
        figures.add("restart: every process ready after Redis is back", Duration.ofNanos(System.nanoTime()
                - startedAt));
        assertAlive(pids);
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        figures.add("restart: orders published before the stop, drained after the start",
                Duration.ofNanos(System.nanoTime() - startedAt));
        assertEquals(List.of(), book.differences(redis()));
        chat.sendRound("after-restart", 1);
        Awaits.await(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(List.of(), chat.differences()));
        figures.add("restart: chat after the restart", "every message once, on every client");
    }

    @Test
    @Order(5)
    void outOfMemoryStopsTheWorkersAcknowledgingAndTheyFinishEverythingOnceMemoryIsFreed() throws Exception {
        int before = book.size();
        book.add(2_000, 5);
        book.publish(redis(), before, book.size());
        long used = Long.parseLong(info("used_memory"));
        RawRedis.once(server.port(), "CONFIG", "SET", "maxmemory-policy", "noeviction");
        RawRedis.once(server.port(), "CONFIG", "SET", "maxmemory", String.valueOf(used));
        try {
            traffic.reset();
            traffic.browse(httpPorts("cache-gateway"), 20);
            figures.add("out of memory: gateway answers", traffic.answers().toString());
            assertEquals(20, traffic.count("200"), traffic.answers().toString());
            chat.sendRefused(1, "while-redis-is-full");
            figures.add("out of memory: a chat send", "refused with an error frame");
            Awaits.await(Duration.ofSeconds(30)).until(() -> Long.parseLong(info("total_error_replies")) > 0);
        } finally {
            RawRedis.once(server.port(), "CONFIG", "SET", "maxmemory", "0");
        }
        long freedAt = System.nanoTime();
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        figures.add("out of memory: drained after memory was freed", Duration.ofNanos(System.nanoTime() - freedAt));
        assertEquals(List.of(), book.differences(redis()));
        Awaits.await(Duration.ofSeconds(60)).until(this::everyProcessAnswersReady);
    }

    @Test
    @Order(6)
    void afterFlushallTheWorkersRecreateTheirGroupAndProcessNewOrders() throws Exception {
        RawRedis.once(server.port(), "FLUSHALL");
        OrderBook fresh = new OrderBook("rel-after-flush").add(1_000, 6);
        long flushedAt = System.nanoTime();
        fresh.publish(redis(), 0, fresh.size());
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        figures.add("FLUSHALL: 1000 new orders drained after the flush", Duration.ofNanos(System.nanoTime()
                - flushedAt));
        assertEquals(List.of(), fresh.differences(redis()));
        Awaits.await(Duration.ofSeconds(60)).until(this::everyProcessAnswersReady);
    }

    private String info(String field) throws Exception {
        String info = (String) RawRedis.once(server.port(), "INFO", "all");
        for (String line : info.split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        throw new AssertionError("INFO has no " + field);
    }
}
