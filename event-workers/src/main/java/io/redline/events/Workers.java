package io.redline.events;

import com.codahale.metrics.health.HealthCheck;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.Managed;
import io.redline.core.process.ProcessContext;
import io.redline.core.redis.ReplicaWait;
import io.redline.core.tracing.Tracing;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.EntryProcessor;
import io.redline.events.consumer.GroupRecovery;
import io.redline.events.consumer.MemberLoop;
import io.redline.events.consumer.Redelivery;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.deadletter.DeadLetters;
import io.redline.events.effects.EventHandler;
import io.redline.events.effects.OrderEffects;
import io.redline.events.metrics.WorkerMetrics;
import io.redline.events.reaper.ConsumerJanitor;
import io.redline.events.reaper.Reaper;
import io.redline.events.reaper.ReaperSettings;
import io.redline.events.reaper.StreamTrimmer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;

/** Wires one worker process: its members and its reaper. */
public final class Workers {

    /** No round completed for this long means a member is stuck: liveness fails, and the pod is restarted. */
    static final Duration STUCK = Duration.ofMinutes(2);

    private final List<MemberLoop> members = new ArrayList<>();
    private final Reaper reaper;
    private final EntryProcessor processor;

    public Workers(WorkerConfig config, ProcessContext context) {
        this(config, context.redis(), context.keys(), new OrderEffects(),
                new WorkerMetrics(context.metrics()), context.clock(), context.tracing());
        context.health().addLiveness("members", new HealthCheck() {
            @Override
            protected Result check() {
                for (MemberLoop member : members) {
                    if (member.isStuck(STUCK)) {
                        return Result.unhealthy(member.name() + " has completed no round for over " + STUCK
                                + " (one round does not end, or every round fails: see its log)");
                    }
                }
                return Result.healthy(members.size() + " members looping");
            }
        });
    }

    /** The wiring itself, with the handler and the events given (the process's own, or a test's). */
    public Workers(WorkerConfig config, RedissonClient redis, RedlineKeys keys, EventHandler handler,
                   WorkerEvents events, Clock clock) {
        this(config, redis, keys, handler, events, clock, Tracing.off());
    }

    /** @param tracing makes a span per entry processed */
    public Workers(WorkerConfig config, RedissonClient redis, RedlineKeys keys, EventHandler handler,
                   WorkerEvents events, Clock clock, Tracing tracing) {
        ConsumerGroup.ensure(redis, keys);
        RStream<String, String> stream = ConsumerGroup.stream(redis, keys);
        DeadLetters deadLetters = new DeadLetters(redis, keys, config.deadLetterMaxLength(), clock);
        processor = new EntryProcessor(redis, keys, handler, deadLetters, events, clock, tracing,
                new ReplicaWait(redis, config.effectsSyncReplicas(), config.effectsSyncTimeout(), clock));
        processor.loadScripts();
        GroupRecovery group = new GroupRecovery(redis, keys, events);
        Redelivery redelivery = new Redelivery(stream, processor, config.maxDeliveries());
        Set<String> own = new HashSet<>();
        for (int n = 1; n <= config.consumers(); n++) {
            String name = config.hostName() + "-" + n;
            own.add(name);
            members.add(new MemberLoop(name, stream, processor, redelivery, config.batchSize(), group,
                    clock));
        }
        String reaperName = config.hostName() + "-reaper";
        own.add(reaperName);
        reaper = new Reaper(reaperName, stream, redelivery, new ReaperSettings(config.claimIdle(),
                config.reaperInterval()),
                List.of(new ConsumerJanitor(redis, stream, config.consumerExpiry(), own),
                        new StreamTrimmer(redis, stream, config.retention(), clock),
                        () -> events.deadLetterFigures(deadLetters.length())),
                events, group, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Members and reaper; each finishes the batch in hand when stopped. */
    public List<Managed> parts() {
        List<Managed> parts = new ArrayList<>(members);
        parts.add(reaper);
        return parts;
    }

    /** The members, whose liveness the health check reads (and tests too). */
    public List<MemberLoop> members() {
        return List.copyOf(members);
    }
}
