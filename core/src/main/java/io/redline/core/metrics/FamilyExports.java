package io.redline.core.metrics;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports the {@link Family} series of a Dropwizard registry: one family per name, label values as labels, each
 * with its own type and HELP text. Other Dropwizard metrics stay in-process.
 */
final class FamilyExports implements MultiCollector {

    private final MetricRegistry registry;

    FamilyExports(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, List<Series>> families = new TreeMap<>();
        for (Metric metric : registry.getMetrics().values()) {
            if (metric instanceof Series series) {
                families.computeIfAbsent(series.family().name(), name -> new ArrayList<>()).add(series);
            }
        }
        List<MetricSnapshot> snapshots = new ArrayList<>(families.size());
        families.values().forEach(series -> snapshots.add(snapshot(series.get(0).family(), series)));
        return new MetricSnapshots(snapshots);
    }

    private static MetricSnapshot snapshot(Family family, List<Series> series) {
        return switch (family.type()) {
            case COUNTER -> {
                CounterSnapshot.Builder counter = CounterSnapshot.builder().name(family.name()).help(family.help());
                series.forEach(one -> counter.dataPoint(CounterDataPointSnapshot.builder().labels(labels(one))
                        .value(value(one)).build()));
                yield counter.build();
            }
            case GAUGE -> {
                GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(family.name()).help(family.help());
                series.forEach(one -> gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(one))
                        .value(value(one)).build()));
                yield gauge.build();
            }
            case INFO -> {
                InfoSnapshot.Builder info = InfoSnapshot.builder().name(family.name()).help(family.help());
                series.forEach(one -> info.dataPoint(InfoDataPointSnapshot.builder().labels(labels(one)).build()));
                yield info.build();
            }
            case HISTOGRAM -> {
                HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(family.name())
                        .help(family.help());
                for (Series one : series) {
                    HistogramSeries h = (HistogramSeries) one;
                    histogram.dataPoint(HistogramDataPointSnapshot.builder().labels(labels(one))
                            .classicHistogramBuckets(ClassicHistogramBuckets.of(h.upperBounds(), h.bucketCounts()))
                            .sum(h.sum()).build());
                }
                yield histogram.build();
            }
        };
    }

    private static double value(Series series) {
        if (series instanceof CounterSeries counter) {
            return counter.getCount();
        }
        return ((WatchedSeries) series).getValue();
    }

    private static Labels labels(Series series) {
        return Labels.of(series.family().labelNames(), series.labelValues());
    }
}
