package io.redline.deploy.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testkit.Awaits;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.RedisProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * (b) A local Redis Cluster of 3 masters with a replica each ({@code REDIS_MODE=cluster}): the scenario, then a
 * master killed while orders flow.
 */
class RedisClusterIT extends WholePlatformScenario {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(1);

    @Override
    Map<String, String> redisEnvironment() {
        // as the prod overlay does: an entry is acknowledged once a replica holds its effects
        return Map.of("REDIS_URL", CLUSTER.seedUrl(), "REDIS_MODE", "cluster", "EFFECTS_SYNC_REPLICAS", "1");
    }

    @Override
    RedissonClient redis() {
        return CLUSTER.client();
    }

    /**
     * The master killed is one that holds projections and aggregates but not the stream: so the workers'
     * {@code XACK}s survive while the effects they acknowledged live on the master that dies. Replication is
     * asynchronous, but with {@code EFFECTS_SYNC_REPLICAS=1} an entry is acknowledged only once the replica that
     * is promoted holds its effects: every order of the failover window must be exact.
     */
    @Test
    @Order(2)
    void aMasterKilledWhileOrdersFlowIsReplacedByItsReplicaAndEveryProcessGoesOn() throws Exception {
        List<Long> pids = pids();
        OrderBook during = new OrderBook("rel-failover").add(3_000, 7);
        RedisProcess victim = masterNotHolding(OrderBook.STREAM);
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> publishRetrying(during));
        Awaits.await(Duration.ofSeconds(60)).until(() -> redis().getStream(OrderBook.STREAM)
                .getPendingInfo(OrderBook.GROUP).getTotal() > 0);
        FailoverChat chatting = FailoverChat.start("failover", platform, httpPorts("chat-node"));
        victim.kill();
        long killedAt = System.nanoTime();
        producing.get();
        Awaits.await(Duration.ofSeconds(60)).until(this::everyNodeSeesAHealthyCluster);
        figures.add("cluster failover: cluster healthy again after kill -9 of a master",
                Duration.ofNanos(System.nanoTime() - killedAt));
        Awaits.await(Duration.ofSeconds(90)).until(this::everyProcessAnswersReady);
        figures.add("cluster failover: every process ready", Duration.ofNanos(System.nanoTime() - killedAt));
        chatThrough(chatting, "cluster failover");
        assertAlive(pids);
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        figures.add("cluster failover: stream drained", Duration.ofNanos(System.nanoTime() - killedAt));
        OrderBook.Inexact inexact = during.inexactOrders(redis());
        figures.add("cluster failover: orders of the failover window not exact (effects lost with the master)",
                inexact.toString());
        assertEquals(0, inexact.inexact(), "orders of the failover window whose acknowledged effects were lost");

        OrderBook after = new OrderBook("rel-after-failover").add(1_000, 8);
        after.publish(redis(), 0, after.size());
        Awaits.await(DRAIN).until(() -> OrderBook.drained(redis()));
        assertEquals(List.of(), after.differences(redis(), false));
        chat.sendRound("after-failover", 1);
        Awaits.await(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(List.of(), chat.differences()));
        figures.add("cluster failover: orders and chat after the failover", "exact");
    }

    private RedisProcess masterNotHolding(String key) throws Exception {
        long slot = (Long) RawRedis.once(CLUSTER.nodes().get(0).port(), "CLUSTER", "KEYSLOT", key);
        String nodes = (String) RawRedis.once(CLUSTER.nodes().get(0).port(), "CLUSTER", "NODES");
        for (String line : nodes.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
                continue;
            }
            boolean holds = false;
            for (int i = 8; i < fields.length; i++) {
                String[] range = fields[i].split("-");
                long low = Long.parseLong(range[0]);
                long high = range.length > 1 ? Long.parseLong(range[1]) : low;
                holds |= slot >= low && slot <= high;
            }
            int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
            if (!holds) {
                return CLUSTER.nodes().stream().filter(node -> node.port() == port).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no master without the slot of " + key + " in " + nodes);
    }

    private boolean everyNodeSeesAHealthyCluster() throws Exception {
        for (RedisProcess node : CLUSTER.nodes()) {
            if (node.isRunning() && !((String) RawRedis.once(node.port(), "CLUSTER", "INFO"))
                    .contains("cluster_state:ok")) {
                return false;
            }
        }
        return true;
    }
}
