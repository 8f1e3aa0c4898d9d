package io.redline.core.metrics;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * One Prometheus metric family: its name, type, HELP text, unit and label names. Its series live in the process's
 * Dropwizard {@link MetricRegistry} (the in-process registry) and {@link FamilyExports} exports them as one family
 * with labels; a Dropwizard metric that is not a series of a family is not exported.
 *
 * @param name the family name as Prometheus shows it, with its base unit ({@code _seconds}, {@code _bytes}) and
 *     without {@code _total} (a counter's samples get it)
 * @param type counter, gauge or histogram
 * @param help the HELP text
 * @param labelNames the label names, in the order values are given
 * @param buckets a histogram's upper bounds, ascending, without +Inf; empty for other types
 */
public record Family(String name, Type type, String help, List<String> labelNames, List<Double> buckets) {

    /** The Prometheus types Redline exports; an info family is a gauge of 1 whose labels are the point. */
    public enum Type { COUNTER, GAUGE, HISTOGRAM, INFO }

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final List<String> RESERVED_SUFFIXES = List.of("_total", "_created", "_bucket", "_count", "_sum", "_info");

    public Family {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a family name must match " + NAME + ", but was " + name);
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                throw new IllegalArgumentException("a family name must not end in " + suffix + " (the exposition "
                        + "adds it), but was " + name);
            }
        }
        if (help == null || help.isBlank()) {
            throw new IllegalArgumentException("family " + name + " needs a HELP text");
        }
        labelNames = List.copyOf(labelNames);
        for (String label : labelNames) {
            if (!NAME.matcher(label).matches() || label.startsWith("__") || label.equals("le")) {
                throw new IllegalArgumentException("family " + name + ": label name must match " + NAME
                        + " and be neither reserved nor \"le\", but was " + label);
            }
        }
        buckets = List.copyOf(buckets);
        if ((type == Type.HISTOGRAM) == buckets.isEmpty()) {
            throw new IllegalArgumentException("family " + name + ": a histogram needs buckets and only a histogram"
                    + " has them, but " + type + " had " + buckets);
        }
        for (int i = 1; i < buckets.size(); i++) {
            if (buckets.get(i) <= buckets.get(i - 1)) {
                throw new IllegalArgumentException("family " + name + ": buckets must ascend, but were " + buckets);
            }
        }
    }

    public static Family counter(String name, String help, String... labelNames) {
        return new Family(name, Type.COUNTER, help, List.of(labelNames), List.of());
    }

    public static Family gauge(String name, String help, String... labelNames) {
        return new Family(name, Type.GAUGE, help, List.of(labelNames), List.of());
    }

    public static Family info(String name, String help, String... labelNames) {
        return new Family(name, Type.INFO, help, List.of(labelNames), List.of());
    }

    public static Family histogram(String name, String help, List<Double> buckets, String... labelNames) {
        return new Family(name, Type.HISTOGRAM, help, List.of(labelNames), buckets);
    }

    /** The counter series with these label values (made on first use). */
    public CounterSeries counter(MetricRegistry registry, String... labelValues) {
        expect(Type.COUNTER);
        return (CounterSeries) series(registry, new CounterSeries(this, values(labelValues)));
    }

    /** A counter or gauge series read from elsewhere at each scrape (a second registration keeps the first). */
    public void watch(MetricRegistry registry, DoubleSupplier value, String... labelValues) {
        if (type == Type.HISTOGRAM || type == Type.INFO) {
            throw new IllegalArgumentException("family " + name + " is a " + type + ": it cannot be watched");
        }
        series(registry, new WatchedSeries(this, values(labelValues), value));
    }

    /** The one series of an info family with these label values. */
    public void info(MetricRegistry registry, String... labelValues) {
        expect(Type.INFO);
        series(registry, new WatchedSeries(this, values(labelValues), () -> 1));
    }

    /** The histogram series with these label values (made on first use). */
    public HistogramSeries histogram(MetricRegistry registry, String... labelValues) {
        expect(Type.HISTOGRAM);
        return (HistogramSeries) series(registry, new HistogramSeries(this, values(labelValues)));
    }

    /**
     * The key of a series in the Dropwizard registry: the sample name with its labels, as the exposition shows
     * it, e.g. {@code redline_gateway_requests_total{outcome="hit"}}.
     */
    public String seriesName(String... labelValues) {
        List<String> values = values(labelValues);
        StringBuilder key = new StringBuilder(name).append(switch (type) {
            case COUNTER -> "_total";
            case INFO -> "_info";
            default -> "";
        });
        for (int i = 0; i < values.size(); i++) {
            key.append(i == 0 ? "{" : ",").append(labelNames.get(i)).append("=\"").append(values.get(i)).append('"');
        }
        return values.isEmpty() ? key.toString() : key.append('}').toString();
    }

    private Series series(MetricRegistry registry, Series series) {
        String key = seriesName(series.labelValues().toArray(String[]::new));
        synchronized (registry) {
            Metric existing = registry.getMetrics().get(key);
            if (existing == null) {
                return registry.register(key, series);
            }
            if (existing instanceof Series known && known.family().equals(this)
                    && known.getClass() == series.getClass()) {
                return known;
            }
            throw new IllegalArgumentException(key + " is already registered as another metric: " + existing);
        }
    }

    private List<String> values(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException("family " + name + " has labels " + labelNames + ", but was given "
                    + List.of(labelValues));
        }
        return new ArrayList<>(List.of(labelValues));
    }

    private void expect(Type expected) {
        if (type != expected) {
            throw new IllegalArgumentException("family " + name + " is a " + type + ", not a " + expected);
        }
    }
}
