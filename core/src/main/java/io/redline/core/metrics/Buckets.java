package io.redline.core.metrics;

import java.util.List;

/** Histogram bucket bounds in seconds, shared so that dashboards can compare families. */
public final class Buckets {

    /** Request and Redis round trips: 0.5 ms to 10 s. */
    public static final List<Double> LATENCY = List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1.0, 2.5, 5.0, 10.0);
    /** Delays through queues and streams, and batch runs: 1 ms to 10 min. */
    public static final List<Double> DELAY = List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            30.0, 60.0, 120.0, 300.0, 600.0);

    private Buckets() {
    }
}
