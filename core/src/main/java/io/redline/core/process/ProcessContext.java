package io.redline.core.process;

import com.codahale.metrics.MetricRegistry;
import io.redline.core.admin.AdminRoutes;
import io.redline.core.health.HealthChecks;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.ThreadPools;
import io.redline.core.tracing.Tracing;
import java.time.Clock;
import org.redisson.api.RedissonClient;

/**
 * What a process's wiring gets: the connected client and the shared services of the runtime.
 *
 * @param name the process name (also the Redis client name)
 * @param config the common configuration
 * @param redis the connected Redisson client; the runtime shuts it down
 * @param keys every key name, with the namespace applied
 * @param metrics the registry exported on {@code /metrics}
 * @param health where the process adds its own checks
 * @param threadPools where the process makes its thread pools; the runtime stops them
 * @param clock the clock to use (injected so that tests can move time)
 * @param adminRoutes where the process adds endpoints of its own to the admin server ({@code ADMIN_PORT})
 * @param tracing the process's tracing (no-op unless {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set); the runtime
 *                shuts it down
 */
public record ProcessContext(String name, CommonConfig config, RedissonClient redis, RedlineKeys keys,
                             MetricRegistry metrics, HealthChecks health, ThreadPools threadPools, Clock clock,
                             AdminRoutes adminRoutes, Tracing tracing) {
}
