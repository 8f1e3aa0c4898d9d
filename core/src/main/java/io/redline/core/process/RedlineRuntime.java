package io.redline.core.process;

import com.codahale.metrics.MetricRegistry;
import io.redline.core.admin.AdminServer;
import io.redline.core.health.HealthChecks;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.Lifecycle;
import io.redline.core.lifecycle.ThreadPools;
import io.redline.core.metrics.BuildInfo;
import io.redline.core.metrics.PrometheusText;
import io.redline.core.redis.Backoff;
import io.redline.core.redis.RedisConnector;
import io.redline.core.redis.RedisHealthCheck;
import io.redline.core.tracing.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Redline process: the admin server comes up first (not ready), then Redis is waited for with
 * backoff, then the process's parts are wired and started. {@link #stop()} turns readiness off at once, stops the
 * parts in reverse order (they drain), stops the thread pools, shuts tracing down (exporting the last spans),
 * closes Redis and finally the admin server.
 */
public final class RedlineRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(RedlineRuntime.class);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

    private final String name;
    private final CommonConfig config;
    private final Wiring wiring;
    private final RedisConnector connector;
    private final MetricRegistry metrics = new MetricRegistry();
    private final HealthChecks health = new HealthChecks();
    private final ThreadPools threadPools;
    private final AdminServer admin;
    private final Tracing tracing;
    private final AtomicReference<RedissonClient> redis = new AtomicReference<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Lifecycle parts;

    /** A runtime without tracing (tests, benches). */
    public RedlineRuntime(String name, CommonConfig config, Wiring wiring) {
        this(name, config, wiring, Tracing.off());
    }

    /** @param tracing the process's tracing; {@link #stop()} shuts it down */
    public RedlineRuntime(String name, CommonConfig config, Wiring wiring, Tracing tracing) {
        this.name = name;
        this.tracing = tracing;
        this.config = config;
        this.wiring = wiring;
        this.connector = new RedisConnector(Backoff.REDIS_STARTUP);
        this.threadPools = new ThreadPools(metrics, config.shutdownGrace());
        this.admin = new AdminServer(config.adminPort(), health, new PrometheusText(metrics));
        BuildInfo.register(metrics, name);
        health.addReadiness("redis", new RedisHealthCheck(redis::get, config.redis().mode(), PING_TIMEOUT));
    }

    /**
     * Blocks until every part has started, or returns early when {@link #stop()} is called while Redis is still
     * awaited.
     *
     * @throws Exception when the admin server or a part fails to start (the parts started are stopped again)
     */
    public void start() throws Exception {
        admin.start();
        LOG.info("{}: admin server on port {}", name, admin.port());
        Optional<RedissonClient> client = connector.connect(config.redis(), name, stopRequested);
        if (client.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (stopRequested.getCount() == 0) {
                client.get().shutdown(0, 2, TimeUnit.SECONDS);
                return;
            }
            redis.set(client.get());
            ProcessContext context = new ProcessContext(name, config, client.get(),
                    new RedlineKeys(config.namespace()), metrics, health, threadPools, Clock.systemUTC(),
                    admin.routes(), tracing);
            parts = new Lifecycle(wiring.wire(context));
            parts.start();
            health.started();
        }
        LOG.info("{}: started", name);
    }

    /** Drains and stops; safe to call from any thread, more than once, and while {@link #start()} still runs. */
    public void stop() {
        health.shutdownStarted();
        stopRequested.countDown();
        synchronized (this) {
            if (stopped.getCount() == 0) {
                return;
            }
            LOG.info("{}: stopping (readiness is down; draining in-flight work)", name);
            if (parts != null) {
                parts.stop();
            }
            threadPools.stop();
            tracing.shutdown();
            RedissonClient client = redis.get();
            if (client != null) {
                client.shutdown(0, 2, TimeUnit.SECONDS);
            }
            try {
                admin.stop();
            } catch (Exception e) {
                LOG.warn("{}: admin server did not stop cleanly", name, e);
            }
            stopped.countDown();
            LOG.info("{}: stopped", name);
        }
    }

    /** Waits until {@link #stop()} has finished. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int adminPort() {
        return admin.port();
    }

    public MetricRegistry metrics() {
        return metrics;
    }
}
