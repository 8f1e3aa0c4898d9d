/**
 * Metrics at the edge: {@link io.redline.core.metrics.Family} describes each exported Prometheus family (name with
 * base unit, type, HELP, labels, buckets) and keeps its series in the process's Dropwizard registry;
 * {@link io.redline.core.metrics.PrometheusText} exports them with the standard JVM and process metrics.
 */
package io.redline.core.metrics;
