package io.redline.deploy.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testkit.Awaits;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisSentinelExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * (c) Sentinel: a master, a replica and 3 sentinels ({@code REDIS_MODE=sentinel}): the scenario, then the master
 * stopped with SIGSTOP while orders flow, so that the sentinels promote the replica.
 */
class RedisSentinelIT extends WholePlatformScenario {

    @RegisterExtension
    static final RedisSentinelExtension SENTINEL = new RedisSentinelExtension();

    @Override
    Map<String, String> redisEnvironment() {
        return Map.of("REDIS_URL", SENTINEL.sentinelUrl(), "REDIS_MODE", "sentinel", "REDIS_SENTINEL_MASTER",
                RedisSentinelExtension.MASTER_NAME);
    }

    @Override
    RedissonClient redis() {
        return SENTINEL.client();
    }

    @Test
    @Order(2)
    void aFrozenMasterIsReplacedByTheReplicaAndEveryProcessGoesOn() throws Exception {
        // as Redis's Sentinel documentation advises: a master cut off from its replicas refuses writes, so that what
        // it would accept on its own (and lose when the sentinels demote it) is refused to the writer instead
        SENTINEL.configSetOnServers("min-replicas-to-write", "1", "min-replicas-max-lag", "10");
        List<Long> pids = pids();
        int oldMaster = SENTINEL.master().port();
        OrderBook during = new OrderBook("rel-failover").add(3_000, 7);
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> publishRetrying(during));
        Awaits.await(Duration.ofSeconds(60)).until(() -> redis().getStream(OrderBook.STREAM)
                .getPendingInfo(OrderBook.GROUP).getTotal() > 0);
        FailoverChat chatting = FailoverChat.start("failover", platform, httpPorts("chat-node"));
        SENTINEL.master().freeze();
        long frozenAt = System.nanoTime();
        try {
            Awaits.await(Duration.ofSeconds(60)).until(() -> masterPort() != oldMaster);
            figures.add("sentinel failover: replica promoted after SIGSTOP of the master",
                    Duration.ofNanos(System.nanoTime() - frozenAt));
        } finally {
            SENTINEL.master().thaw();
        }
        producing.get();
        Awaits.await(Duration.ofSeconds(90)).until(this::everyProcessAnswersReady);
        figures.add("sentinel failover: every process ready", Duration.ofNanos(System.nanoTime() - frozenAt));
        chatThrough(chatting, "sentinel failover");
        assertAlive(pids);
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        figures.add("sentinel failover: stream drained", Duration.ofNanos(System.nanoTime() - frozenAt));
        figures.add("sentinel failover: orders of the failover window not exact",
                during.inexactOrders(redis()).toString());

        OrderBook after = new OrderBook("rel-after-failover").add(1_000, 8);
        after.publish(redis(), 0, after.size());
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        assertEquals(List.of(), after.differences(redis(), false));
        chat.sendRound("after-failover", 1);
        Awaits.await(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(List.of(), chat.differences()));
        figures.add("sentinel failover: orders and chat after the failover", "exact");
    }

    private int masterPort() throws Exception {
        String sentinel = SENTINEL.sentinelUrl().split(",")[0];
        int port = Integer.parseInt(sentinel.substring(sentinel.lastIndexOf(':') + 1));
        @SuppressWarnings("unchecked")
        List<Object> address = (List<Object>) RawRedis.once(port, "SENTINEL", "get-master-addr-by-name",
                RedisSentinelExtension.MASTER_NAME);
        return Integer.parseInt((String) address.get(1));
    }
}
