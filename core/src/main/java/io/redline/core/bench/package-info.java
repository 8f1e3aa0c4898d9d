/**
 * The benchmark harness every {@code bench} command uses: closed-loop load at a fixed concurrency
 * ({@link io.redline.core.bench.LoadRun}), latencies recorded without a lock and their percentiles
 * ({@link io.redline.core.bench.Latencies}, the one place any bench computes them), and the report as a table
 * and as one JSON object per scenario ({@link io.redline.core.bench.BenchReport}).
 */
package io.redline.core.bench;
