package io.redline.core.admin;

import io.redline.core.metrics.PrometheusText;

/** {@code /metrics}: the Prometheus text exposition of the process's registry. */
final class MetricsHandler extends GetOnlyHandler {

    private final PrometheusText metrics;

    MetricsHandler(PrometheusText metrics) {
        this.metrics = metrics;
    }

    @Override
    protected Answer answer() {
        return new Answer(200, PrometheusText.CONTENT_TYPE, metrics.scrape());
    }
}
