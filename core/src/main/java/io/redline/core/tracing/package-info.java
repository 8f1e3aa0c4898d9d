/**
 * Tracing with OpenTelemetry: {@link io.redline.core.tracing.Tracing} (the process's SDK, exporting over OTLP when
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, else the no-op API) and {@link io.redline.core.tracing.TraceParent}
 * (the W3C {@code traceparent} value that HTTP headers, stream entries and chat messages carry). The SDK's own
 * {@code OTEL_*} variables are read by the SDK; Redline does not validate them.
 */
package io.redline.core.tracing;
