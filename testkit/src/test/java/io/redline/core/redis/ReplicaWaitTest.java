package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.RedisProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** {@code WAIT} per master on a real Cluster of 3 masters with a replica each. */
class ReplicaWaitTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(1);

    private static final List<String> KEYS = IntStream.range(0, 60).mapToObj(i -> "replica-wait:{" + i + "}")
            .collect(Collectors.toList());

    @Test
    void writesThatReachedEveryReplicaAreConfirmed() {
        RedissonClient redis = CLUSTER.client();
        KEYS.forEach(key -> redis.getBucket(key).set("v"));
        assertEquals(Map.of(), new ReplicaWait(redis, 1, Duration.ofSeconds(1)).unconfirmed(KEYS));
    }

    @Test
    void onlyTheKeysOfTheMasterWhoseReplicaIsFrozenAreUnconfirmed() throws Exception {
        RedissonClient redis = CLUSTER.client();
        RedisProcess replica = aReplica();
        List<String> held = keysOfMasterOf(replica);
        replica.freeze();
        try {
            KEYS.forEach(key -> redis.getBucket(key).set("w"));
            Map<String, ReplicaWait.NotReplicatedException> unconfirmed =
                    new ReplicaWait(redis, 1, Duration.ofMillis(200)).unconfirmed(KEYS);
            assertEquals(held, new ArrayList<>(unconfirmed.keySet()));
            String why = unconfirmed.get(held.get(0)).getMessage();
            assertTrue(why.matches("WAIT: 0 of 1 replicas of .*:\\d+ confirmed within 200 ms"), why);
        } finally {
            replica.thaw();
        }
    }

    /** Its replicas gone (dead, or promoted away): no failover can lose its writes, and work must go on. */
    @Test
    void aMasterWithNoReplicaConnectedIsNotWaitedOn() {
        try (RedisProcess alone = RedisProcess.server(RedisBinaries.anyServer())) {
            RedissonClient redis = Redisson.create(RedissonConfigs.create(RedisSettings.single(alone.url()),
                    "replica-wait-test"));
            try {
                redis.getBucket("alone").set("v");
                assertEquals(Map.of(), new ReplicaWait(redis, 1, Duration.ofSeconds(5)).unconfirmed(List.of("alone")));
            } finally {
                redis.shutdown();
            }
        }
    }

    @Test
    void waitingForNoReplicaSendsNothing() {
        assertEquals(Map.of(), ReplicaWait.NONE.unconfirmed(KEYS));
        assertEquals(Map.of(), new ReplicaWait(CLUSTER.client(), 0, Duration.ZERO).unconfirmed(KEYS));
    }

    @Test
    void aNegativeCountOrANonPositiveTimeoutIsRefusedWithTheValue() {
        assertEquals("replicas must be >= 0, but was -1", assertThrows(
                IllegalArgumentException.class, () -> new ReplicaWait(null, -1, Duration.ofSeconds(1)))
                .getMessage());
        assertEquals("timeout must be > 0, but was PT0S", assertThrows(
                IllegalArgumentException.class, () -> new ReplicaWait(null, 1, Duration.ZERO)).getMessage());
    }

    private static RedisProcess aReplica() throws Exception {
        for (RedisProcess node : CLUSTER.nodes()) {
            if (((String) RawRedis.once(node.port(), "INFO", "replication")).contains("role:slave")) {
                return node;
            }
        }
        throw new AssertionError("no replica among " + CLUSTER.nodes());
    }

    /** The keys, in their order, whose slot the replica's master serves. */
    private static List<String> keysOfMasterOf(RedisProcess replica) throws Exception {
        String info = (String) RawRedis.once(replica.port(), "INFO", "replication");
        String masterPort = info.lines().filter(line -> line.startsWith("master_port:")).findFirst().orElseThrow()
                .substring("master_port:".length()).trim();
        List<String> held = new ArrayList<>();
        for (String key : KEYS) {
            long slot = (Long) RawRedis.once(replica.port(), "CLUSTER", "KEYSLOT", key);
            if (ownerPort(slot).equals(masterPort)) {
                held.add(key);
            }
        }
        assertTrue(!held.isEmpty() && held.size() < KEYS.size(), "keys spread over the masters: " + held);
        return held;
    }

    private static String ownerPort(long slot) throws Exception {
        for (Object range : (List<?>) RawRedis.once(CLUSTER.nodes().get(0).port(), "CLUSTER", "SLOTS")) {
            List<?> fields = (List<?>) range;
            if ((Long) fields.get(0) <= slot && slot <= (Long) fields.get(1)) {
                return String.valueOf(((List<?>) fields.get(2)).get(1));
            }
        }
        throw new AssertionError("no master serves slot " + slot);
    }
}
