package io.redline.core.metrics;

import com.codahale.metrics.Counting;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram series with fixed buckets: cumulative counts that Prometheus can add up across pods, unlike
 * Dropwizard's decaying reservoirs.
 */
public final class HistogramSeries implements Series, Counting {

    private final Family family;
    private final List<String> labelValues;
    private final double[] bounds;
    /** One per bound, and the last one for +Inf; not cumulative. */
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();

    HistogramSeries(Family family, List<String> labelValues) {
        this.family = family;
        this.labelValues = List.copyOf(labelValues);
        this.bounds = family.buckets().stream().mapToDouble(Double::doubleValue).toArray();
        this.counts = new LongAdder[bounds.length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void observe(double value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        counts[i].increment();
        sum.add(value);
    }

    /** Observes a duration in seconds, the base unit. */
    public void observe(Duration duration) {
        observe(duration.toNanos() / 1e9);
    }

    @Override
    public long getCount() {
        long count = 0;
        for (LongAdder bucket : counts) {
            count += bucket.sum();
        }
        return count;
    }

    double sum() {
        return sum.sum();
    }

    /** The upper bounds, +Inf last. */
    double[] upperBounds() {
        double[] all = new double[counts.length];
        System.arraycopy(bounds, 0, all, 0, bounds.length);
        all[bounds.length] = Double.POSITIVE_INFINITY;
        return all;
    }

    /** The count of each bucket alone (not cumulative), +Inf last. */
    long[] bucketCounts() {
        long[] each = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            each[i] = counts[i].sum();
        }
        return each;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public List<String> labelValues() {
        return labelValues;
    }
}
