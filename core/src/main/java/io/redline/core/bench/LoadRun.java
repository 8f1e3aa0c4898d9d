package io.redline.core.bench;

import io.redline.core.lifecycle.ExecutorShutdown;
import io.redline.core.lifecycle.NamedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop load: {@code concurrency} threads each run the operation again as soon as it returns, first for the
 * warm-up (not measured), then for the measured period.
 */
public final class LoadRun {

    /** One operation; blocks until it is done. */
    @FunctionalInterface
    public interface Operation {
        void run() throws Exception;
    }

    private final int concurrency;
    private final Duration warmup;
    private final Duration measured;

    public LoadRun(int concurrency, Duration warmup, Duration measured) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be > 0, but was " + concurrency);
        }
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.measured = measured;
    }

    public BenchResult run(String scenario, Operation operation) throws Exception {
        return run(scenario, operation, Map.of());
    }

    public BenchResult run(String scenario, Operation operation, Map<String, Object> extra) throws Exception {
        drive(operation, warmup, null);
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        drive(operation, measured, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        LatencySummary figures = latencies.interval();
        return new BenchResult(scenario, figures.count(), figures.count() / seconds,
                figures.p50Micros(), figures.p99Micros(), extra);
    }

    /** @param latencies where the workers record, all into one; null during the warm-up */
    private void drive(Operation operation, Duration period, Latencies latencies) throws Exception {
        if (period.isZero()) {
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, new NamedThreadFactory("bench", true));
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            done.add(workers.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    operation.run();
                    if (latencies != null) {
                        latencies.record(System.nanoTime() - start);
                    }
                }
                return null;
            }));
        }
        long end = System.nanoTime() + period.toNanos();
        for (long left = period.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        running.set(false);
        for (Future<?> worker : done) {
            worker.get();
        }
        ExecutorShutdown.shutdown("bench", workers, Duration.ofSeconds(5));
    }
}
