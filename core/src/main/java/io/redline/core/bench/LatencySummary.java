package io.redline.core.bench;

import org.HdrHistogram.Histogram;

/**
 * The figures every bench reports of a set of latencies. The percentiles are nearest-rank (the smallest recorded
 * value that at least that share of the values do not exceed), to HdrHistogram's three significant digits; all
 * are 0 when nothing was recorded.
 *
 * @param count latencies recorded
 * @param p50Micros the median, in microseconds
 * @param p99Micros the 99th percentile, in microseconds
 * @param meanMicros the mean, in microseconds
 */
public record LatencySummary(long count, double p50Micros, double p99Micros, double meanMicros) {

    static LatencySummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0);
        }
        return new LatencySummary(histogram.getTotalCount(), micros(histogram.getValueAtPercentile(50)),
                micros(histogram.getValueAtPercentile(99)), histogram.getMean() / 1_000.0);
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }
}
