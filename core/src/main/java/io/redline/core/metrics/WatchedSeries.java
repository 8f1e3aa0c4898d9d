package io.redline.core.metrics;

import com.codahale.metrics.Gauge;
import java.util.List;
import java.util.function.DoubleSupplier;

/** A counter or gauge series whose value is read at each scrape. */
final class WatchedSeries implements Series, Gauge<Double> {

    private final Family family;
    private final List<String> labelValues;
    private final DoubleSupplier value;

    WatchedSeries(Family family, List<String> labelValues, DoubleSupplier value) {
        this.family = family;
        this.labelValues = List.copyOf(labelValues);
        this.value = value;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public List<String> labelValues() {
        return labelValues;
    }

    @Override
    public Double getValue() {
        return value.getAsDouble();
    }
}
