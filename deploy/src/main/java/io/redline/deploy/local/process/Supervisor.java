package io.redline.deploy.local.process;

import io.redline.core.lifecycle.ExecutorShutdown;
import io.redline.core.lifecycle.NamedThreadFactory;
import io.redline.core.redis.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the children, waits until each is ready, reports a death at once (and restarts the child with backoff
 * when asked to), and stops them all in parallel.
 */
public final class Supervisor {

    static final int LOG_TAIL_LINES = 20;
    private static final Backoff RESTART_DELAY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0);
    /** A child that ran this long before dying starts again from the first delay. */
    private static final Duration STABLE_RUN = Duration.ofMinutes(1);

    private final List<ChildProcess> children;
    private final boolean restart;
    private final ChildListener listener;
    private final Clock clock;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarts =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("restarts", true));
    private volatile boolean stopping;

    public Supervisor(List<ChildProcess> children, boolean restart, ChildListener listener, Clock clock) {
        this.children = List.copyOf(children);
        this.restart = restart;
        this.listener = listener;
        this.clock = clock;
    }

    public List<ChildProcess> children() {
        return children;
    }

    public void startAll() {
        children.forEach(child -> launch(child, 0));
    }

    /** Waits until every child answers {@code /health/ready} with 200. */
    public void awaitReady(Duration timeout) throws NotReadyException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ChildProcess child : children) {
                if (!child.isAlive() && !restart) {
                    throw new NotReadyException(child.name() + " exited with code " + child.exitCode()
                            + " while starting; the end of " + child.spec().log() + ":\n  "
                            + String.join("\n  ", child.logTail(LOG_TAIL_LINES)));
                }
            }
            if (children.stream().allMatch(child -> child.isAlive() && Readiness.isReady(child.spec().adminPort()))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        String waiting = children.stream().filter(child -> !Readiness.isReady(child.spec().adminPort()))
                .map(ChildProcess::name).collect(Collectors.joining(", "));
        throw new NotReadyException("not ready after " + timeout.toSeconds() + " s: " + waiting
                + " (see their logs)");
    }

    public long running() {
        return children.stream().filter(ChildProcess::isAlive).count();
    }

    /** SIGTERM to every child at once, SIGKILL to those still running after {@code grace}. */
    public void stopAll(Duration grace) {
        stopping = true;
        ExecutorShutdown.shutdown("restarts", restarts, Duration.ofSeconds(1));
        List<CompletableFuture<Boolean>> stops = children.stream()
                .map(child -> CompletableFuture.supplyAsync(() -> child.stop(grace), runnable -> {
                    Thread thread = new NamedThreadFactory("stop-" + child.name(), true).newThread(runnable);
                    thread.start();
                }))
                .toList();
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    }

    private void launch(ChildProcess child, int attempt) {
        if (stopping) {
            return;
        }
        child.start();
        runs.put(child.name(), new Run(clock.instant(), attempt));
        child.onExit().thenAccept(process -> exited(child, process.exitValue()));
    }

    private void exited(ChildProcess child, int code) {
        if (stopping) {
            return;
        }
        Run run = runs.get(child.name());
        int attempt = Duration.between(run.started(), clock.instant()).compareTo(STABLE_RUN) > 0 ? 0
                : run.attempt() + 1;
        Duration delay = restart ? RESTART_DELAY.delay(attempt + 1) : null;
        listener.died(child, code, child.logTail(LOG_TAIL_LINES), delay);
        if (delay != null) {
            restarts.schedule(() -> {
                launch(child, attempt);
                if (!stopping) {
                    listener.restarted(child);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private record Run(Instant started, int attempt) {
    }
}
