package io.redline.core.bench;

import java.util.Arrays;

/** Latencies of one worker, in nanoseconds; merged and sorted once at the end. */
final class Latencies {

    private long[] values = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    static long[] merge(Iterable<Latencies> all) {
        int total = 0;
        for (Latencies latencies : all) {
            total += latencies.size;
        }
        long[] merged = new long[total];
        int at = 0;
        for (Latencies latencies : all) {
            System.arraycopy(latencies.values, 0, merged, at, latencies.size);
            at += latencies.size;
        }
        Arrays.sort(merged);
        return merged;
    }

    /** The nearest-rank percentile of sorted values, in microseconds. */
    static double percentileMicros(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000.0;
    }
}
