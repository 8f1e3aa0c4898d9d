package io.redline.deploy.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What KEDA does to event-workers, played locally: worker pods go from 1 to 3 while orders flow, then one is lost
 * in the middle of a batch (frozen, then SIGKILLed, as a failing node would lose it), leaving 2. Every order must
 * still end shipped with its effects counted once, the lost pod's pending entries must be taken over by the
 * reapers of the pods that remain and its members removed from the group, and the pending count that KEDA reads
 * must rise under load and come back to 0.
 */
class WorkerScalingIT {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final String GROUP = "order-processors";
    private static final int ORDERS = 2000;
    private static final Duration BOUND = Duration.ofSeconds(120);

    @Test
    void scalingFromOneToThreeToTwoPodsWithOneKilledMidBatchShipsEveryOrderOnceAndReclaimsTheDeadPodsEntries()
            throws Exception {
        RedlineKeys keys = REDIS.keys();
        ConsumerGroupView group = new ConsumerGroupView(URI.create(REDIS.redis().url()).getPort(),
                keys.eventStream(), GROUP);
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", REDIS.redis().url());
        if (!REDIS.redis().namespace().name().isEmpty()) {
            env.put("REDLINE_NAMESPACE", REDIS.redis().namespace().name());
        }
        env.put("WORKER_CONSUMERS", "2");
        // short, so that the test sees the reaper take over and clean up within seconds rather than minutes
        env.put("CLAIM_IDLE", "2s");
        env.put("CONSUMER_EXPIRY", "3s");

        List<WorkerPods.Pod> pods = new ArrayList<>();
        // 600 events/s: the 6,000 events flow for 10 s, long enough for the pods started later to take a share of
        // them however slowly their JVMs start (at 1,500/s the flow could end before the second pod consumed)
        try (ChildJvm orders = ChildJvm.startJar(WorkerPods.JAR, env, "simulate", "--orders",
                String.valueOf(ORDERS), "--rate", "600", "--prefix", "scale", "--seed", "12")) {
            pods.add(WorkerPods.start("event-workers-5d8c7-aaaaa", env));
            Awaits.await(BOUND).until(() -> !group.consumers().isEmpty() && group.call("HGET",
                    keys.orderProjection("scale-1"), "status") != null);

            WorkerPods.Pod doomed = WorkerPods.start("event-workers-5d8c7-bbbbb", env);
            pods.add(doomed);
            pods.add(WorkerPods.start("event-workers-5d8c7-ccccc", env));

            // freeze the pod at a moment when its members hold delivered, unacknowledged entries: mid-batch
            AtomicReference<List<String>> held = new AtomicReference<>(List.of());
            AtomicLong pendingUnderLoad = new AtomicLong();
            Awaits.await(BOUND).pollInterval(Duration.ofMillis(10)).until(() -> {
                WorkerPods.signal(doomed, "STOP");
                List<String> ids = group.pendingIdsOf(doomed.name() + "-");
                if (ids.isEmpty()) {
                    WorkerPods.signal(doomed, "CONT");
                    return false;
                }
                held.set(ids);
                pendingUnderLoad.set(group.pending());
                return true;
            });
            doomed.jvm().kill();
            pods.remove(doomed);
            assertTrue(pendingUnderLoad.get() >= held.get().size(), pendingUnderLoad + " < " + held.get().size());

            assertEquals(0, orders.waitFor(BOUND), orders.stderr());
            JsonNode expected = new ObjectMapper().readTree(orders.stdout());
            assertEquals(ORDERS, expected.path("orders").asInt());

            Awaits.await(BOUND).until(() -> group.pending() == 0
                    && group.consumers().stream().noneMatch(c -> c.startsWith(doomed.name()))
                    && shipped(group, keys) == ORDERS);

            for (var day : expected.path("revenueCentsByDay").properties()) {
                assertEquals(day.getValue().asText(), group.call("GET",
                        keys.dailyRevenueCents(LocalDate.parse(day.getKey()))), "revenue of " + day.getKey());
            }
            for (var sku : expected.path("unitsBySku").properties()) {
                assertEquals(sku.getValue().asText(), group.call("ZSCORE", keys.unitsSold(), sku.getKey()),
                        "units of " + sku.getKey());
            }
            List<String> remaining = group.consumers();
            assertFalse(remaining.isEmpty());
            assertTrue(remaining.stream().allMatch(c -> c.startsWith("event-workers-5d8c7-aaaaa")
                    || c.startsWith("event-workers-5d8c7-ccccc")), remaining.toString());
            for (WorkerPods.Pod pod : pods) {
                assertTrue(pod.jvm().isAlive(), pod.name() + ": " + pod.jvm().stderr());
            }
        } finally {
            for (WorkerPods.Pod pod : pods) {
                pod.jvm().terminate();
            }
            for (WorkerPods.Pod pod : pods) {
                assertEquals(0, pod.jvm().waitFor(Duration.ofSeconds(30)), pod.name() + ": " + pod.jvm().stderr());
            }
        }
    }

    private static long shipped(ConsumerGroupView group, RedlineKeys keys) {
        return IntStream.rangeClosed(1, ORDERS)
                .filter(i -> "shipped".equals(group.call("HGET", keys.orderProjection("scale-" + i), "status")))
                .count();
    }
}
