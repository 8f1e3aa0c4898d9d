package io.redline.core.lifecycle;

import io.redline.core.logging.ThrottledLogger;
import io.redline.core.redis.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker thread in the manner of Kafka's {@code ShutdownableThread}: {@link #doWork()} runs in a loop until
 * {@link #stop()}; two latches tell shutdown initiated from shutdown complete. A failing start-up or round is
 * never a silent death: it is retried after a pause that doubles from {@code pauseAfterFailure} up to
 * {@link #LONGEST_PAUSE}, logged with its stack trace the first time and then at most once a minute.
 * {@link #isStuck(Duration)} lets a liveness check see a loop that has not completed a round for too long,
 * whether one round does not end or every round fails.
 */
public abstract class WorkerLoop implements Managed {

    /** The longest pause between two failed attempts. */
    public static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);

    private final String name;
    private final Duration pauseAfterFailure;
    private final Clock clock;
    private final ThrottledLogger repeatedFailures;
    private final CountDownLatch shutdownInitiated = new CountDownLatch(1);
    private final CountDownLatch shutdownComplete = new CountDownLatch(1);
    private final AtomicLong lastProgress = new AtomicLong(-1);
    private Thread thread;

    protected WorkerLoop(String name, Duration pauseAfterFailure, Clock clock) {
        this.name = name;
        this.pauseAfterFailure = pauseAfterFailure;
        this.clock = clock;
        this.repeatedFailures = new ThrottledLogger(LOG, FAILURE_LOG_INTERVAL, clock);
    }

    /** One round of work; should return within a bounded time (a blocking read with a timeout, say). */
    protected abstract void doWork() throws Exception;

    /** Called on the worker's thread before the first round; retried with backoff until it succeeds. */
    protected void onStart() throws Exception {
    }

    @Override
    public synchronized void start() {
        lastProgress.set(clock.millis());
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

    /**
     * True when the loop has not completed its start-up or a round for longer than {@code limit}: one round that
     * does not end, or start-ups or rounds that keep failing.
     */
    public boolean isStuck(Duration limit) {
        long progress = lastProgress.get();
        return progress >= 0 && isRunning() && clock.millis() - progress > limit.toMillis();
    }

    public String name() {
        return name;
    }

    /** Waits up to {@code duration}, returning early (true) when shutdown is initiated. */
    protected boolean pause(Duration duration) throws InterruptedException {
        return shutdownInitiated.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The pause after the {@code failures}-th failure in a row. */
    static Duration pauseAfter(Duration first, int failures) {
        Duration max = first.compareTo(LONGEST_PAUSE) > 0 ? first : LONGEST_PAUSE;
        return new Backoff(first, max, 2.0).delay(Math.max(failures, 1));
    }

    private void run() {
        LOG.info("{}: starting", name);
        try {
            if (startUp()) {
                loop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutdownComplete.countDown();
            LOG.info("{}: stopped", name);
        }
    }

    /** @return false when stopped before the start-up succeeded */
    private boolean startUp() throws InterruptedException {
        int failures = 0;
        while (isRunning()) {
            try {
                onStart();
                lastProgress.set(clock.millis());
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                pause(failed("start-up", ++failures, e));
            }
        }
        return false;
    }

    private void loop() throws InterruptedException {
        int failures = 0;
        while (isRunning()) {
            try {
                doWork();
                failures = 0;
                lastProgress.set(clock.millis());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                pause(failed("round", ++failures, e));
            }
        }
    }

    private Duration failed(String what, int failures, Exception error) {
        Duration pause = pauseAfter(pauseAfterFailure, failures);
        if (failures == 1) {
            LOG.warn("{}: {} failed; retrying in {} ms", name, what, pause.toMillis(), error);
        } else {
            repeatedFailures.warn(name + ": " + what + " failed " + failures + " times in a row; retrying in "
                    + pause.toMillis() + " ms", error);
        }
        return pause;
    }
}
