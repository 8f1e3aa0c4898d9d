/** The gateway's metric families (in {@link io.redline.gateway.metrics.MetricNames}) and the one adapter that turns domain events into their series. */
package io.redline.gateway.metrics;
