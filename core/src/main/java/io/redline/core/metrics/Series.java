package io.redline.core.metrics;

import com.codahale.metrics.Metric;
import java.util.List;

/** One series of a {@link Family}: the Dropwizard metric that holds it, and its label values. */
sealed interface Series extends Metric permits CounterSeries, WatchedSeries, HistogramSeries {

    Family family();

    List<String> labelValues();
}
