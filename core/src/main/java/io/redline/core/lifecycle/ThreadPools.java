package io.redline.core.lifecycle;

import com.codahale.metrics.InstrumentedExecutorService;
import com.codahale.metrics.InstrumentedScheduledExecutorService;
import com.codahale.metrics.MetricRegistry;
import io.redline.core.metrics.Family;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every thread pool of a process is made here: named, instrumented in the process's {@link MetricRegistry}
 * under {@code executor.<name>}, and shut down in reverse creation order when the process stops.
 */
public final class ThreadPools implements Managed {

    private static final Family SUBMITTED = Family.counter("redline_executor_tasks_submitted",
            "Tasks handed to the thread pool.", "pool");
    private static final Family COMPLETED = Family.counter("redline_executor_tasks_completed",
            "Tasks the thread pool finished, normally or not.", "pool");
    private static final Family RUNNING = Family.gauge("redline_executor_tasks_running",
            "Tasks the thread pool runs now.", "pool");

    private final MetricRegistry metrics;
    private final Duration grace;
    private final List<Pool> pools = new ArrayList<>();

    public ThreadPools(MetricRegistry metrics, Duration grace) {
        this.metrics = metrics;
        this.grace = grace;
    }

    public synchronized ExecutorService fixed(String name, int threads) {
        ExecutorService pool = new InstrumentedExecutorService(
                Executors.newFixedThreadPool(threads, new NamedThreadFactory(name, false)), metrics, metricName(name));
        register(name, pool);
        return pool;
    }

    public synchronized ScheduledExecutorService scheduled(String name, int threads) {
        ScheduledExecutorService pool = new InstrumentedScheduledExecutorService(
                Executors.newScheduledThreadPool(threads, new NamedThreadFactory(name, false)), metrics,
                metricName(name));
        register(name, pool);
        return pool;
    }

    @Override
    public void start() {
        // pools start with their first task
    }

    @Override
    public synchronized void stop() {
        // every pool stops taking tasks at once; then they share one grace period instead of one each
        pools.forEach(pool -> pool.executor.shutdown());
        long deadline = System.nanoTime() + grace.toNanos();
        for (int i = pools.size() - 1; i >= 0; i--) {
            Pool pool = pools.get(i);
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            ExecutorShutdown.shutdown(pool.name, pool.executor, left);
        }
        pools.clear();
    }

    /** The instrumented pool counts in Dropwizard names; the families export them with the pool as a label. */
    private void register(String name, ExecutorService pool) {
        pools.add(new Pool(name, pool));
        String base = metricName(name);
        SUBMITTED.watch(metrics, () -> metrics.meter(MetricRegistry.name(base, "submitted")).getCount(), name);
        COMPLETED.watch(metrics, () -> metrics.meter(MetricRegistry.name(base, "completed")).getCount(), name);
        RUNNING.watch(metrics, () -> metrics.counter(MetricRegistry.name(base, "running")).getCount(), name);
    }

    private static String metricName(String name) {
        return MetricRegistry.name("executor", name);
    }

    private record Pool(String name, ExecutorService executor) {
    }
}
