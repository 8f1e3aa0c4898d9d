package io.redline.core.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.redline.core.config.Env;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracing of one process. With {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT})
 * set, the OpenTelemetry SDK, configured by its own autoconfigure module from the standard {@code OTEL_*}
 * variables, exports spans over OTLP (HTTP/protobuf, through the JDK's HTTP client) from a batch span processor.
 * Without it, the no-op API: no SDK object, no thread, no export, and spans that cost next to nothing (a span
 * started under a remote parent still carries that parent's ids, so a {@code traceparent} passes through).
 *
 * <p>The runtime {@linkplain #shutdown() shuts it down} after the process's parts have stopped, so that the spans
 * of the drained work are exported.
 */
public final class Tracing {

    /** The instrumentation scope of every Redline span. */
    public static final String SCOPE = "io.redline";
    /** The longest {@link #shutdown()} waits for the last spans to leave. */
    public static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final Tracing OFF = new Tracing(OpenTelemetry.noop(), null);

    private final OpenTelemetry openTelemetry;
    /** The SDK this object owns and shuts down; {@code null} when off, or when the caller owns it. */
    private final OpenTelemetrySdk owned;
    private final Tracer tracer;

    private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk owned) {
        this.openTelemetry = openTelemetry;
        this.owned = owned;
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    /** No tracing: the no-op API. */
    public static Tracing off() {
        return OFF;
    }

    /** Tracing through an SDK the caller built and shuts down itself (tests, with an in-memory exporter). */
    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(openTelemetry, null);
    }

    /**
     * The SDK from the {@code OTEL_*} variables when an OTLP endpoint is set, else {@link #off()}.
     *
     * @param serviceName the {@code service.name} unless {@code OTEL_SERVICE_NAME} or
     *                    {@code OTEL_RESOURCE_ATTRIBUTES} names one
     */
    public static Tracing fromEnvironment(String serviceName, Env env) {
        if (!exports(env)) {
            return OFF;
        }
        Map<String, String> defaults = new HashMap<>();
        // the JDK sender speaks HTTP only (no gRPC without OkHttp or grpc-java); spans only, no metrics or logs
        defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
        defaults.put("otel.metrics.exporter", "none");
        defaults.put("otel.logs.exporter", "none");
        // the given environment (a test's map, or the process's own): the SDK also reads the real one, which wins
        env.startingWith("OTEL_").forEach((name, value) -> defaults.put(property(name), value));
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .addResourceCustomizer((resource, config) -> named(resource, serviceName))
                // the runtime shuts it down in its stop sequence, after the parts have drained
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        LOG.info("Tracing: exporting spans over OTLP to {}", env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                .orElseGet(() -> env.get("OTEL_EXPORTER_OTLP_ENDPOINT").orElseThrow()));
        return new Tracing(sdk, sdk);
    }

    /** Whether the variables ask for export: an OTLP endpoint, and the SDK not disabled. */
    static boolean exports(Env env) {
        boolean endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT").isPresent()
                || env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").isPresent();
        boolean disabled = env.get("OTEL_SDK_DISABLED").map(value -> value.equalsIgnoreCase("true")).orElse(false);
        boolean noExporter = env.get("OTEL_TRACES_EXPORTER").map(value -> value.equalsIgnoreCase("none"))
                .orElse(false);
        return endpoint && !disabled && !noExporter;
    }

    /** {@code OTEL_EXPORTER_OTLP_ENDPOINT} is {@code otel.exporter.otlp.endpoint} to the SDK. */
    private static String property(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The SDK's default name is {@code unknown_service:java}; the process's own is more use. */
    private static Resource named(Resource resource, String serviceName) {
        String current = resource.getAttribute(SERVICE_NAME);
        if (current == null || current.startsWith("unknown_service")) {
            return resource.merge(Resource.builder().put("service.name", serviceName).build());
        }
        return resource;
    }

    /** Whether spans are recorded and exported (false: the no-op API). */
    public boolean enabled() {
        return openTelemetry != OpenTelemetry.noop();
    }

    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** The tracer of every Redline span. */
    public Tracer tracer() {
        return tracer;
    }

    /** Exports what is left and stops the SDK this object built, waiting at most {@link #SHUTDOWN_WAIT}. */
    public void shutdown() {
        if (owned == null) {
            return;
        }
        CompletableResultCode done = owned.shutdown().join(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!done.isSuccess()) {
            LOG.warn("Tracing: the last spans could not all be exported within {} ms", SHUTDOWN_WAIT.toMillis());
        }
    }
}
