/**
 * Metrics at the edge: the JVM gauges every process registers, and the Prometheus text exposition of a
 * Dropwizard {@link com.codahale.metrics.MetricRegistry}.
 */
package io.redline.core.metrics;
