package io.redline.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankToAThousandthAndInMicroseconds() {
        Latencies latencies = new Latencies();
        for (long micros = 1_000; micros >= 1; micros--) {
            latencies.record(micros * 1_000);
        }

        LatencySummary summary = latencies.interval();
        assertEquals(1_000, summary.count());
        // nearest rank: the 500th and the 990th of 1000 sorted values
        assertEquals(500, summary.p50Micros(), 0.5);
        assertEquals(990, summary.p99Micros(), 0.99);
        assertEquals(500.5, summary.meanMicros(), 0.5);
    }

    @Test
    void smallLatenciesAreExact() {
        Latencies latencies = new Latencies();
        for (long nanos : new long[] {700, 100, 300, 200, 900, 400, 800, 600, 500, 1_000}) {
            latencies.record(nanos);
        }

        LatencySummary summary = latencies.interval();
        assertEquals(new LatencySummary(10, 0.5, 1.0, 0.55), summary);
    }

    @Test
    void anIntervalWithNothingRecordedIsAllZeros() {
        assertEquals(new LatencySummary(0, 0, 0, 0), new Latencies().interval());
    }

    @Test
    void eachIntervalHoldsOnlyWhatWasRecordedSinceThePreviousOneSoAWarmUpIsDiscarded() {
        Latencies latencies = new Latencies();
        latencies.record(5_000_000);
        latencies.record(6_000_000);
        latencies.interval();

        latencies.record(1_000);

        assertEquals(new LatencySummary(1, 1.0, 1.0, 1.0), latencies.interval());
    }

    @Test
    void aNegativeLatencyCountsAsZeroInsteadOfFailingTheRecordingThread() {
        Latencies latencies = new Latencies();
        latencies.record(-5);

        assertEquals(new LatencySummary(1, 0, 0, 0), latencies.interval());
    }

    @Test
    void manyThreadsRecordAtOnceWithoutLosingAValue() throws Exception {
        Latencies latencies = new Latencies();
        int threads = 4;
        int each = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> recorders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread recorder = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 1; i <= each; i++) {
                    latencies.record(i);
                }
            });
            recorder.start();
            recorders.add(recorder);
        }
        start.countDown();
        for (Thread recorder : recorders) {
            recorder.join();
        }

        assertEquals(threads * (long) each, latencies.interval().count());
    }
}
