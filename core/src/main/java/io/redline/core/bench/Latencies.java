package io.redline.core.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded from any number of threads without a lock, and read as intervals: {@link #interval()} answers
 * what was recorded since its previous call and starts the next interval, so a bench discards its warm-up with one
 * call and reads its measured period with the next.
 */
public final class Latencies {

    /** Three significant digits: a percentile is within 0.1 % of the exact one, in a few tens of KiB. */
    private static final int SIGNIFICANT_DIGITS = 3;

    // HdrHistogram's Recorder: a wait-free record on the hot path (a chat client's receive thread, a bench
    // worker); only the reader of an interval synchronises.
    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);

    /** @param nanos one latency; a negative one (clocks never go back here, but a parse might) counts as 0 */
    public void record(long nanos) {
        recorder.recordValue(Math.max(0, nanos));
    }

    /** The latencies recorded since the previous call (or since this was made); the next interval starts now. */
    public LatencySummary interval() {
        Histogram histogram = recorder.getIntervalHistogram();
        return LatencySummary.of(histogram);
    }
}
