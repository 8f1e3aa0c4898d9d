package io.redline.core.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker thread in the manner of Kafka's {@code ShutdownableThread}: {@link #doWork()} runs in a loop until
 * {@link #stop()}; two latches tell shutdown initiated from shutdown complete; an exception in one round is
 * logged and followed by a pause, never a silent death. {@link #isStuck(Duration)} lets a liveness check see a
 * round that does not end.
 */
public abstract class WorkerLoop implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);

    private final String name;
    private final Duration pauseAfterFailure;
    private final Clock clock;
    private final CountDownLatch shutdownInitiated = new CountDownLatch(1);
    private final CountDownLatch shutdownComplete = new CountDownLatch(1);
    private final AtomicLong roundStarted = new AtomicLong(-1);
    private Thread thread;

    protected WorkerLoop(String name, Duration pauseAfterFailure, Clock clock) {
        this.name = name;
        this.pauseAfterFailure = pauseAfterFailure;
        this.clock = clock;
    }

    /** One round of work; should return within a bounded time (a blocking read with a timeout, say). */
    protected abstract void doWork() throws Exception;

    /** Called once on the worker's thread before the first round. */
    protected void onStart() throws Exception {
    }

    @Override
    public synchronized void start() {
        thread = new Thread(this::run, name);
        thread.start();
    }

    /** Asks the loop to end after the round in hand and waits for it to end. */
    @Override
    public void stop() throws InterruptedException {
        shutdownInitiated.countDown();
        shutdownComplete.await();
    }

    public boolean isRunning() {
        return shutdownInitiated.getCount() > 0;
    }

    /** True when a round has been running for longer than {@code limit}. */
    public boolean isStuck(Duration limit) {
        long started = roundStarted.get();
        return started >= 0 && clock.millis() - started > limit.toMillis();
    }

    public String name() {
        return name;
    }

    /** Waits up to {@code duration}, returning early (true) when shutdown is initiated. */
    protected boolean pause(Duration duration) throws InterruptedException {
        return shutdownInitiated.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        LOG.info("{}: starting", name);
        try {
            onStart();
            while (isRunning()) {
                roundStarted.set(clock.millis());
                try {
                    doWork();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    LOG.error("{}: round failed; pausing {} ms", name, pauseAfterFailure.toMillis(), e);
                    roundStarted.set(-1);
                    pause(pauseAfterFailure);
                } finally {
                    roundStarted.set(-1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("{}: could not start", name, e);
        } finally {
            shutdownComplete.countDown();
            LOG.info("{}: stopped", name);
        }
    }
}
