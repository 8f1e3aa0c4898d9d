package io.redline.core.process;

import ch.qos.logback.classic.LoggerContext;
import io.redline.core.config.ConfigError;
import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.http.PortUnavailableException;
import io.redline.core.redis.RedisRefusal;
import io.redline.core.tracing.Tracing;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of every long-running Redline process. Exit codes: 2 for bad configuration (one line per
 * error on standard error), 1 when the process cannot start (one line when a port cannot be listened on) or does
 * not drain within {@code SHUTDOWN_GRACE}, 0 after a clean SIGTERM.
 */
public final class ProcessMain {

    public static final int EXIT_CONFIG = 2;
    public static final int EXIT_FAILURE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMain.class);
    private static volatile int exitCode;

    private ProcessMain() {
    }

    /**
     * Reads the configuration, starts the process and parks the calling thread until the process stops.
     *
     * @param setup reads the process's own variables from the reader (whose errors are reported together
     *              with the common ones) and returns how to wire the process once Redis is connected
     */
    public static void run(String name, Function<ConfigReader, Wiring> setup) {
        ConfigReader reader = new ConfigReader(Env.system());
        CommonConfig common = CommonConfig.read(reader);
        Wiring wiring = setup.apply(reader);
        try {
            reader.throwIfInvalid();
        } catch (ConfigException e) {
            reportConfigErrors(name, e);
            System.exit(EXIT_CONFIG);
            return;
        }
        // after the configuration is known to be good: a process that exits 2 starts no SDK
        Tracing tracing;
        try {
            tracing = Tracing.fromEnvironment(name, Env.system());
        } catch (RuntimeException e) {
            // the SDK's own check of its OTEL_* variables (e.g. OTEL_EXPORTER_OTLP_PROTOCOL=grpc, not available)
            System.err.println(name + ": configuration error: OpenTelemetry: " + e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        }
        RedlineRuntime runtime = new RedlineRuntime(name, common, wiring, tracing);
        Runtime.getRuntime().addShutdownHook(
                new Thread(() -> drainAndHalt(name, runtime, common.shutdownGrace()), name + "-shutdown"));
        try {
            runtime.start();
            runtime.awaitStopped(Duration.ofDays(365_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            reportStartFailure(name, reader, e);
            exitCode = EXIT_FAILURE;
            System.exit(EXIT_FAILURE);
        }
    }

    /**
     * A port that cannot be listened on, or a command the Redis user may not run, is an operator's mistake, not a
     * bug: one line naming the variable, or the command and its keys, and no stack trace. Anything else keeps its
     * trace.
     */
    static void reportStartFailure(String name, ConfigReader reader, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PortUnavailableException) {
                PortUnavailableException port = (PortUnavailableException) cause;
                String setting = reader.portVariable(port.port()).map(variable -> variable + "=" + port.port())
                        .orElse("port " + port.port());
                LOG.error("{}: cannot start: cannot listen on {}: {}", name, setting, port.reason());
                return;
            }
        }
        Optional<RedisRefusal> refusal = RedisRefusal.of(failure);
        if (refusal.isPresent()) {
            // the Redis user's ACL rules: the operator's to fix, and Redisson's message would show every argument
            LOG.error("{}: cannot start: {}", name, refusal.get().message());
            return;
        }
        LOG.error("{}: failed to start", name, failure);
    }

    /** One line per configuration error on standard error, as every Redline command prints them. */
    public static void reportConfigErrors(String name, ConfigException errors) {
        for (ConfigError error : errors.errors()) {
            System.err.println(name + ": configuration error: " + error.line());
        }
    }

    /**
     * Runs in the JVM's shutdown hook (SIGTERM, SIGINT or {@code System.exit}). The JVM would report a SIGTERM as
     * exit code 143; a process that drained cleanly halts with 0 instead.
     */
    private static void drainAndHalt(String name, RedlineRuntime runtime, Duration grace) {
        Thread drain = new Thread(runtime::stop, name + "-drain");
        drain.start();
        int code = exitCode;
        try {
            drain.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drain.isAlive()) {
            LOG.error("{}: in-flight work did not drain within SHUTDOWN_GRACE={} ms; exiting anyway", name,
                    grace.toMillis());
            code = EXIT_FAILURE;
        }
        ILoggerFactory loggers = LoggerFactory.getILoggerFactory();
        if (loggers instanceof LoggerContext) {
            ((LoggerContext) loggers).stop();
        }
        System.err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }
}
