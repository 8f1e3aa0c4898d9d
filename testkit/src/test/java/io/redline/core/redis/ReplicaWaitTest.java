package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.RedisProcess;
import io.redline.testkit.TestClock;
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

/** Script calls that wait for replicas ({@link ScriptPipeline#execute(ReplicaWait)}), on real servers. */
class ReplicaWaitTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(1);

    private static final RedisScript SET = new RedisScript("redis.call('SET', KEYS[1], ARGV[1]) return 1");
    private static final List<String> KEYS = IntStream.range(0, 60).mapToObj(i -> "replica-wait:{" + i + "}")
            .collect(Collectors.toList());

    @Test
    void callsWhoseWritesReachedEveryReplicaAreDone() {
        Map<String, ScriptReply> replies = setAll(CLUSTER.client(), new ReplicaWait(CLUSTER.client(), 1,
                Duration.ofSeconds(1)), "v");
        assertEquals(KEYS.size(), replies.values().stream().filter(ScriptReply::ok).count(), replies.toString());
    }

    @Test
    void onlyTheCallsOfTheMasterWhoseReplicaIsFrozenAreNotDone() throws Exception {
        RedisProcess replica = aReplica();
        List<String> held = keysOfMasterOf(replica);
        replica.freeze();
        try {
            Map<String, ScriptReply> replies = setAll(CLUSTER.client(), new ReplicaWait(CLUSTER.client(), 1,
                    Duration.ofSeconds(1)), "w");
            List<String> notDone = replies.entrySet().stream().filter(reply -> !reply.getValue().ok())
                    .map(Map.Entry::getKey).sorted().toList();
            assertEquals(held.stream().sorted().toList(), notDone);
            ScriptReply refused = replies.get(held.get(0));
            assertTrue(refused.error() instanceof ReplicaWait.NotReplicatedException, refused.toString());
            assertTrue(refused.describe().matches("WAIT: 0 of 1 replicas of .*:\\d+ confirmed within 1000 ms"),
                    refused.describe());
            assertTrue(refused.refusal().isEmpty(), "may pass: the entry is retried, not dead-lettered");
            // the writes themselves are on the master: only their replication is unconfirmed
            assertEquals("w", CLUSTER.client().getBucket(held.get(0)).get());
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
                Map<String, ScriptReply> replies = setAll(redis, new ReplicaWait(redis, 1, Duration.ofSeconds(5)),
                        "v");
                assertTrue(replies.values().stream().allMatch(ScriptReply::ok), replies.toString());
            } finally {
                redis.shutdown();
            }
        }
    }

    /** Not a round trip before every batch: the count is asked again after a second, or after a shortfall. */
    @Test
    void aMastersReplicaCountIsAskedOncePerSecondNotBeforeEveryBatch() throws Exception {
        try (RedisProcess alone = RedisProcess.server(RedisBinaries.anyServer())) {
            RedissonClient redis = Redisson.create(RedissonConfigs.create(RedisSettings.single(alone.url()),
                    "replica-wait-test"));
            try {
                TestClock clock = TestClock.now();
                ReplicaWait replicas = new ReplicaWait(redis, 1, Duration.ofSeconds(5), clock);
                long before = infoCalls(alone);
                for (int batch = 0; batch < 3; batch++) {
                    assertTrue(setAll(redis, replicas, "v" + batch).values().stream().allMatch(ScriptReply::ok));
                }
                // one INFO replication for the three batches, and the INFO commandstats that read the count before
                assertEquals(before + 2, infoCalls(alone));
                clock.advance(ReplicaWait.REPLICAS_KNOWN_FOR);
                setAll(redis, replicas, "later");
                assertEquals(before + 4, infoCalls(alone), "asked again once the count is a second old");
            } finally {
                redis.shutdown();
            }
        }
    }

    @Test
    void aNegativeCountOrANonPositiveTimeoutIsRefusedWithTheValue() {
        assertEquals("replicas must be >= 0, but was -1", assertThrows(IllegalArgumentException.class,
                () -> new ReplicaWait(null, -1, Duration.ofSeconds(1))).getMessage());
        assertEquals("timeout must be > 0, but was PT0S", assertThrows(IllegalArgumentException.class,
                () -> new ReplicaWait(null, 1, Duration.ZERO)).getMessage());
    }

    private static Map<String, ScriptReply> setAll(RedissonClient redis, ReplicaWait replicas, String value) {
        ScriptPipeline<String> pipeline = new ScriptPipeline<>(redis);
        KEYS.forEach(key -> pipeline.add(key, SET, List.of(key), List.of(value)));
        return pipeline.execute(replicas);
    }

    private static long infoCalls(RedisProcess server) throws Exception {
        String stats = (String) server.call("INFO", "commandstats");
        return stats.lines().filter(line -> line.startsWith("cmdstat_info:")).findFirst()
                .map(line -> Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(','))))
                .orElse(0L);
    }

    private static RedisProcess aReplica() throws Exception {
        for (RedisProcess node : CLUSTER.nodes()) {
            if (((String) RawRedis.once(node.port(), "INFO", "replication")).contains("role:slave")) {
                return node;
            }
        }
        throw new AssertionError("no replica among " + CLUSTER.nodes());
    }

    /** The keys whose slot the replica's master serves. */
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
