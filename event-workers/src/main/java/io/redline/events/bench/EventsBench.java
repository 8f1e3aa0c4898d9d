package io.redline.events.bench;

import io.redline.core.bench.BenchReport;
import io.redline.core.bench.BenchResult;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.Lifecycle;
import io.redline.core.lifecycle.Managed;
import io.redline.events.WorkerConfig;
import io.redline.events.Workers;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.GroupNames;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.effects.OrderEffects;
import io.redline.events.reaper.StreamRetention;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;

/** The scenarios of the workers' benchmark, each in a namespace of its own, deleted afterwards. */
public final class EventsBench {

    private final RedissonClient redis;
    private final List<String> namespaces = new ArrayList<>();

    public EventsBench(RedissonClient redis) {
        this.redis = redis;
    }

    public void run(BenchReport report, int orders) throws Exception {
        Function<RedlineKeys, List<Managed>> redline = keys -> new Workers(config(Duration.ofSeconds(60)), redis, keys,
                new OrderEffects(), WorkerEvents.NONE, Clock.systemUTC()).parts();
        Function<RedlineKeys, List<Managed>> seed = keys -> {
            ConsumerGroup.ensure(redis, keys);
            RStream<String, String> stream = ConsumerGroup.stream(redis, keys);
            OrderEffects.scripts().forEach(script -> script.load(redis).toCompletableFuture().join());
            return List.of(new SeedStyleLoop("seed-1", redis, stream, keys),
                    new SeedStyleLoop("seed-2", redis, stream, keys));
        };
        BenchResult redlineLive = timed("events.redline-2-members.end-to-end", orders, redline, true);
        report.add(redlineLive);
        BenchResult seedLive = timed("events.seed-style-2-members.end-to-end", orders, seed, true);
        report.add(seedLive);
        BenchResult redlineBacklog = timed("events.redline-2-members.backlog", orders, redline, false);
        report.add(redlineBacklog);
        BenchResult seedBacklog = timed("events.seed-style-2-members.backlog", orders, seed, false);
        report.add(seedBacklog);
        report.add(reclaim());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("endToEndRedlineOverSeedStyle", ratio(redlineLive, seedLive));
        summary.put("backlogRedlineOverSeedStyle", ratio(redlineBacklog, seedBacklog));
        summary.put("redlineEndToEndEventsPerSec", Math.round(redlineLive.opsPerSec()));
        summary.put("redlineBacklogEventsPerSec", Math.round(redlineBacklog.opsPerSec()));
        report.add(new BenchResult("summary", 0, 0, 0, 0, summary));
    }

    private static double ratio(BenchResult a, BenchResult b) {
        return Math.round(a.opsPerSec() / b.opsPerSec() * 100) / 100.0;
    }

    /**
     * End to end: the consumers run while the events are written as fast as possible, timed from the first write
     * to the last acknowledgement. Backlog: the events are written first, then the consumers are timed alone.
     */
    private BenchResult timed(String scenario, int orders, Function<RedlineKeys, List<Managed>> consumers,
                              boolean live) throws Exception {
        RedlineKeys keys = keys();
        SimulatedOrders flow = SimulatedOrders.generate("b", orders, false, 0, 1, Instant.now());
        if (!live) {
            ConsumerGroup.ensure(redis, keys);
            new Producer(redis, keys).write(flow.events(), 0);
        }
        long start = System.nanoTime();
        Lifecycle lifecycle = new Lifecycle(consumers.apply(keys));
        lifecycle.start();
        try {
            if (live) {
                new Producer(redis, keys).write(flow.events(), 0);
            }
            while (!drained(keys)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int events = flow.events().size();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("events", events);
            extra.put("members", 2);
            extra.put("seconds", Math.round(seconds * 1000) / 1000.0);
            return new BenchResult(scenario, events, events / seconds, 0, 0, extra);
        } finally {
            lifecycle.stop();
        }
    }

    /**
     * A member reads a batch and dies before acknowledging it; the survivor's reaper (CLAIM_IDLE 5s) takes it
     * over. Reported: how long after the crash the entries are processed.
     */
    private BenchResult reclaim() throws Exception {
        RedlineKeys keys = keys();
        Duration claimIdle = Duration.ofSeconds(5);
        SimulatedOrders flow = SimulatedOrders.generate("r", 1_000, false, 0, 2, Instant.now());
        ConsumerGroup.ensure(redis, keys);
        new Producer(redis, keys).write(flow.events(), 0);
        RStream<String, String> stream = ConsumerGroup.stream(redis, keys);
        Map<StreamMessageId, Map<String, String>> lost = stream.readGroup(GroupNames.GROUP, "crashed-1",
                StreamReadGroupArgs.neverDelivered().count(500));
        long crashed = System.nanoTime();
        Lifecycle survivor = new Lifecycle(new Workers(config(claimIdle), redis, keys, new OrderEffects(),
                WorkerEvents.NONE, Clock.systemUTC()).parts());
        survivor.start();
        try {
            while (!drained(keys)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } finally {
            survivor.stop();
        }
        double millis = (System.nanoTime() - crashed) / 1e6;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("entriesHeldByTheCrashedMember", lost.size());
        extra.put("claimIdleMillis", claimIdle.toMillis());
        extra.put("millisUntilProcessedBySurvivor", Math.round(millis));
        return new BenchResult("events.reclaim-after-crash", lost.size(), 0, 0, 0, extra);
    }

    private static WorkerConfig config(Duration claimIdle) {
        return new WorkerConfig("bench", 2, 100, claimIdle, 5, Duration.ofHours(1), StreamRetention.KEEP_ALL,
                100_000, 0, Duration.ofMillis(500));
    }

    private boolean drained(RedlineKeys keys) {
        RStream<String, String> stream = ConsumerGroup.stream(redis, keys);
        if (stream.getPendingInfo(GroupNames.GROUP).getTotal() > 0) {
            return false;
        }
        return stream.listGroups().stream().filter(g -> g.getName().equals(GroupNames.GROUP))
                .allMatch(g -> g.getLag() == 0);
    }

    private RedlineKeys keys() {
        String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        namespaces.add(namespace);
        return new RedlineKeys(new KeyNamespace(namespace));
    }

    /** Deletes what the scenarios wrote. */
    public void cleanUp() {
        namespaces.forEach(namespace -> redis.getKeys().deleteByPattern(namespace + ":*"));
    }
}
