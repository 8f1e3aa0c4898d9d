package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.GroupNames;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;

/**
 * {@code EFFECTS_SYNC_REPLICAS}: an entry is acknowledged only once a replica holds its effects. With the replica
 * frozen (SIGSTOP), the effects are stored on the master but nothing is acknowledged; once it thaws, every entry is
 * acknowledged and the end state is exact. Without the setting the same entries are acknowledged while the replica
 * has none of their effects: the window a failover would lose.
 */
class ReplicatedEffectsTest {

    private RedisProcess master;
    private RedisProcess replica;
    private RedissonClient redis;

    @BeforeEach
    void startAMasterAndItsReplica() throws Exception {
        Path server = RedisBinaries.anyServer();
        master = RedisProcess.server(server, "--repl-diskless-sync-delay", "0");
        replica = RedisProcess.server(server, "--replicaof", "127.0.0.1", String.valueOf(master.port()));
        Awaits.await(Duration.ofSeconds(30)).until(() -> ((String) master.call("INFO", "replication"))
                .contains("state=online"));
        redis = Redisson.create(RedissonConfigs.create(settings(), "replicated-effects-test"));
    }

    @AfterEach
    void stop() {
        redis.shutdown();
        replica.thaw();
        replica.close();
        master.close();
    }

    @Test
    void entriesWhoseEffectsNoReplicaHoldsStayPendingUntilOneDoes() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("synced"));
        SimulatedOrders orders = SimulatedOrders.generate("s", 200, true, 0.1, 5, Instant.parse("2026-11-29T10:00:00Z"));
        AtomicLong failed = new AtomicLong();
        try (RunningWorkers workers = new RunningWorkers(settings(), keys, "pod-sync", Map.of(
                "EFFECTS_SYNC_REPLICAS", "1", "EFFECTS_SYNC_TIMEOUT", "100ms", "CLAIM_IDLE", "1s",
                "MAX_DELIVERIES", "1000"), null, counting(failed))) {
            replica.freeze();
            new Producer(redis, keys).write(orders.events(), 0);
            int written = orders.events().size();
            RStream<String, String> stream = ConsumerGroup.stream(redis, keys);
            String[] projections = orders.totals().keySet().stream().map(keys::orderProjection)
                    .toArray(String[]::new);
            // acknowledgements cannot be undone: every entry pending once every order's effects are on the
            // master means that none was ever acknowledged
            Awaits.await(Duration.ofSeconds(60)).until(() -> failed.get() >= written
                    && redis.getKeys().countExists(projections) == projections.length
                    && stream.getPendingInfo(GroupNames.GROUP).getTotal() == written);

            replica.thaw();
            Awaits.await(Duration.ofSeconds(60)).until(() -> EndState.drained(redis, keys));
        }
        EndState.assertMatches(redis, keys, orders);
        assertEquals(List.of(), EndState.deadLetters(redis, keys));
    }

    @Test
    void withoutTheSettingEntriesAreAcknowledgedThoughNoReplicaHoldsTheirEffects() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("unsynced"));
        SimulatedOrders orders = SimulatedOrders.generate("u", 200, true, 0.1, 5, Instant.parse("2026-11-29T10:00:00Z"));
        try (RunningWorkers workers = new RunningWorkers(settings(), keys, "pod-async", Map.of())) {
            replica.freeze();
            new Producer(redis, keys).write(orders.events(), 0);
            Awaits.await(Duration.ofSeconds(60)).until(() -> EndState.drained(redis, keys));
        }
        EndState.assertMatches(redis, keys, orders);
    }

    private RedisSettings settings() {
        return RedisSettings.single(master.url());
    }

    private static WorkerEvents counting(AtomicLong failed) {
        return new WorkerEvents() {
            @Override
            public void failed(int entries) {
                failed.addAndGet(entries);
            }
        };
    }
}
