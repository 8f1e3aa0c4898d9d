package io.redline.events;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisSettings;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.event.EventType;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedEvent;
import io.redline.events.simulate.SimulatedOrders;
import io.redline.testkit.Awaits;
import io.redline.testkit.FaultProxy;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker process reaches Redis through a fault proxy (this kernel has no netem): its link gets slow, then
 * freezes for longer than Redisson's command timeout, then every connection is cut. A second worker talks to Redis
 * directly. Nothing may be lost or counted twice, and the far worker must work again once its link heals.
 */
class NetworkFaultsTest {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkFaultsTest.class);

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void aWorkerBehindASlowFrozenThenCutLinkLosesNothingCountsNothingTwiceAndWorksAgain() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("network-faults"));
        SimulatedOrders orders = SimulatedOrders.generate("net", 1_500, true, 0.1, 11,
                Instant.parse("2026-11-29T10:00:00Z"));
        List<SimulatedEvent> events = orders.events();
        int third = events.size() / 3;
        URI redis = URI.create(REDIS.redis().url());
        AtomicLong farProcessed = new AtomicLong();
        WorkerEvents counting = new WorkerEvents() {
            @Override
            public void processed(EventType type, long ageMillis, long processingMillis) {
                farProcessed.incrementAndGet();
            }
        };
        Producer producer = new Producer(REDIS.client(), keys);
        try (FaultProxy proxy = FaultProxy.to(redis.getHost(), redis.getPort());
             RunningWorkers far = new RunningWorkers(RedisSettings.single(proxy.redisUrl()), keys, "pod-far",
                     Map.of("CLAIM_IDLE", "2s"), null, counting);
             RunningWorkers near = new RunningWorkers(REDIS.settings(), keys, "pod-near", Map.of("CLAIM_IDLE", "2s"))) {
            producer.write(events.subList(0, third), 0);
            // the middle third flows while the link is slow, then frozen, then cut
            CompletableFuture<Void> during = CompletableFuture.runAsync(() -> write(producer,
                    events.subList(third, 2 * third), 250));
            proxy.latency(Duration.ofMillis(50));
            pause(Duration.ofSeconds(2));
            proxy.freeze();
            // longer than Redisson's 3 s command timeout: the far worker's reads and acknowledgements fail
            pause(Duration.ofSeconds(5));
            proxy.thaw();
            proxy.cutConnections();
            proxy.heal();
            long before = farProcessed.get();
            long healed = System.nanoTime();
            during.get(60, TimeUnit.SECONDS);
            // the last third over about 10 s: the far worker must come back and take a share of it
            CompletableFuture<Void> after = CompletableFuture.runAsync(() -> write(producer,
                    events.subList(2 * third, events.size()), 150));
            Awaits.await(Duration.ofSeconds(30)).until(() -> farProcessed.get() > before);
            LOG.info("The far worker took entries again {} ms after its link healed; it had processed {} of {} "
                    + "entries before", (System.nanoTime() - healed) / 1_000_000, before, events.size());
            after.get(60, TimeUnit.SECONDS);
            Awaits.await(Duration.ofSeconds(120)).until(() -> EndState.drained(REDIS.client(), keys));
        }
        EndState.assertMatches(REDIS.client(), keys, orders);
    }

    private static void write(Producer producer, List<SimulatedEvent> events, int perSecond) {
        try {
            producer.write(events, perSecond);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing", e);
        }
    }

    private static void pause(Duration duration) {
        Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }
}
