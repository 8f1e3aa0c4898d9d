package io.redline.deploy.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisUrl;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisBinaries;
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
}
