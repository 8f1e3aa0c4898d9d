package io.redline.core.metrics;

import com.codahale.metrics.Meter;
import java.util.List;

/** A counter series: a Dropwizard {@link Meter} (so rates stay at hand in-process) that a family exports. */
public final class CounterSeries extends Meter implements Series {

    private final Family family;
    private final List<String> labelValues;

    CounterSeries(Family family, List<String> labelValues) {
        this.family = family;
        this.labelValues = List.copyOf(labelValues);
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
