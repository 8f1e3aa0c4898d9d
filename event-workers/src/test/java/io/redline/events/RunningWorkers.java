package io.redline.events;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.Lifecycle;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.core.tracing.Tracing;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.effects.EventHandler;
import io.redline.events.effects.OrderEffects;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** One worker process's parts (members and reaper) on a Redis client of its own, in the test's JVM. */
final class RunningWorkers implements AutoCloseable {

    private final RedissonClient redis;
    private final Lifecycle lifecycle;
    private final Workers workers;

    RunningWorkers(RedisSettings settings, RedlineKeys keys, String host, Map<String, String> variables)
            throws Exception {
        this(settings, keys, host, variables, null);
    }

    RunningWorkers(RedisSettings settings, RedlineKeys keys, String host, Map<String, String> variables,
                   EventHandler handler) throws Exception {
        this(settings, keys, host, variables, handler, WorkerEvents.NONE);
    }

    RunningWorkers(RedisSettings settings, RedlineKeys keys, String host, Map<String, String> variables,
                   EventHandler handler, WorkerEvents events) throws Exception {
        this(settings, keys, host, variables, handler, events, Tracing.off());
    }

    RunningWorkers(RedisSettings settings, RedlineKeys keys, String host, Map<String, String> variables,
                   EventHandler handler, WorkerEvents events, Tracing tracing) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HOSTNAME", host));
        env.putAll(variables);
        ConfigReader reader = new ConfigReader(Env.of(env));
        WorkerConfig config = WorkerConfig.read(reader);
        reader.throwIfInvalid();
        redis = Redisson.create(RedissonConfigs.create(settings, "workers-" + host));
        workers = new Workers(config, redis, keys, handler == null ? new OrderEffects() : handler,
                events, Clock.systemUTC(), tracing);
        lifecycle = new Lifecycle(workers.parts());
        lifecycle.start();
    }

    Workers workers() {
        return workers;
    }

    @Override
    public void close() {
        lifecycle.stop();
        redis.shutdown();
    }
}
