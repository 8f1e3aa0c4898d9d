package io.redline.core.bench;

import java.util.Map;

/**
 * One scenario's figures.
 *
 * @param scenario its name
 * @param operations operations measured
 * @param opsPerSec throughput over the measured period
 * @param p50Micros median latency
 * @param p99Micros 99th percentile latency
 * @param extra further figures of the scenario (counts, ratios), in print order
 */
public record BenchResult(String scenario, long operations, double opsPerSec, double p50Micros, double p99Micros,
                          Map<String, Object> extra) {

    public BenchResult {
        extra = Map.copyOf(extra);
    }
}
