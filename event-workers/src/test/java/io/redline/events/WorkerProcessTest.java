package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.GroupNames;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Worker processes in JVMs of their own: a crash and a SIGTERM in the middle of the flow. */
class WorkerProcessTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void aWorkerKilledMidRunIsTakenOverNothingLostNothingCountedTwice() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("killed"));
        SimulatedOrders orders = SimulatedOrders.generate("k", 3_000, true, 0.1, 11, Instant.now());
        try (ChildJvm doomed = worker("killed", "pod-a"); ChildJvm survivor = worker("killed", "pod-b")) {
            CompletableFuture<Void> producing = produce(keys, orders, 3_000);
            Awaits.await().until(() -> pendingOf(keys, "pod-a-1") + pendingOf(keys, "pod-a-2") > 0
                    || producing.isDone());
            doomed.kill();
            producing.join();
            Awaits.await(Duration.ofSeconds(60)).until(() -> EndState.drained(REDIS.client(), keys));
            assertTrue(survivor.isAlive());
        }
        EndState.assertMatches(REDIS.client(), keys, orders);
    }

    @Test
    void sigtermMidRunFinishesTheBatchInHandAndExitsZero() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("sigterm"));
        SimulatedOrders orders = SimulatedOrders.generate("s", 3_000, false, 0, 12, Instant.now());
        try (ChildJvm stopping = worker("sigterm", "pod-t")) {
            CompletableFuture<Void> producing = produce(keys, orders, 3_000);
            Awaits.await().until(() -> ConsumerGroup.stream(REDIS.client(), keys).listGroups().stream()
                    .anyMatch(g -> g.getLastDeliveredId().getId0() > 0));
            stopping.terminate();
            assertEquals(0, stopping.waitFor(Duration.ofSeconds(30)), stopping.stderr());
            assertEquals(0L, pendingOf(keys, "pod-t-1") + pendingOf(keys, "pod-t-2"),
                    "the batch in hand was finished and acknowledged before exit");
            producing.join();
        }
        try (RunningWorkers rest = new RunningWorkers(REDIS.settings(), keys, "pod-u", Map.of())) {
            Awaits.await(Duration.ofSeconds(60)).until(() -> EndState.drained(REDIS.client(), keys));
        }
        EndState.assertMatches(REDIS.client(), keys, orders);
    }

    private static ChildJvm worker(String namespace, String host) {
        int admin = FreePorts.find();
        Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", REDIS.redis().url(), "REDLINE_NAMESPACE",
                namespace, "HOSTNAME", host, "ADMIN_PORT", String.valueOf(admin), "CLAIM_IDLE", "2s",
                "WORKER_BATCH", "50"));
        ChildJvm child = ChildJvm.start(EventsMain.class, env);
        Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
        return child;
    }

    private static CompletableFuture<Void> produce(RedlineKeys keys, SimulatedOrders orders, int rate) {
        return CompletableFuture.runAsync(() -> {
            try {
                new Producer(REDIS.client(), keys).write(orders.events(), rate);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static long pendingOf(RedlineKeys keys, String consumer) {
        Long pending = ConsumerGroup.stream(REDIS.client(), keys).getPendingInfo(GroupNames.GROUP)
                .getConsumerNames().get(consumer);
        return pending == null ? 0 : pending;
    }
}
