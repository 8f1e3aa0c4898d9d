package io.redline.deploy.local.status;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.ExecutorShutdown;
import io.redline.core.lifecycle.Managed;
import io.redline.core.lifecycle.NamedThreadFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prints the status line every 2 s on a terminal (in place), every 10 s otherwise. */
public final class StatusReporter implements Managed {

    static final Duration LIVE_INTERVAL = Duration.ofSeconds(2);
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

    private final Terminal terminal;
    private final FigureSource source;
    private final ZoneId zone;
    private ScheduledExecutorService scheduler;
    private Figures previous;

    public StatusReporter(Terminal terminal, AdminPorts ports, LongSupplier up, RedissonClient redis,
                          RedlineKeys keys, Clock clock) {
        this.terminal = terminal;
        this.source = new FigureSource(ports, up, redis, keys, clock);
        this.zone = ZoneId.systemDefault();
    }

    @Override
    public synchronized void start() {
        previous = source.read();
        Duration interval = terminal.live() ? LIVE_INTERVAL : PLAIN_INTERVAL;
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("status", true));
        scheduler.scheduleWithFixedDelay(this::report, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            ExecutorShutdown.shutdown("status", scheduler, Duration.ofSeconds(3));
        }
        terminal.endStatus();
    }

    private void report() {
        try {
            Figures now = source.read();
            terminal.status(StatusLine.render(previous, now, zone));
            previous = now;
        } catch (RuntimeException e) {
            // a periodic task must not die silently: the next tick tries again
            LOG.warn("status line failed", e);
        }
    }
}
