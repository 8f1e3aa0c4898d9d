package io.redline.chat.bench;

import java.util.Arrays;

/** Latencies from many threads, kept only while recording is on; sorted once at the end. */
final class LatencyLog {

    private long[] values = new long[1 << 16];
    private int size;
    private volatile boolean recording;

    void recording(boolean on) {
        recording = on;
    }

    synchronized void record(long nanos) {
        if (!recording) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    static double percentileMicros(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000.0;
    }
}
