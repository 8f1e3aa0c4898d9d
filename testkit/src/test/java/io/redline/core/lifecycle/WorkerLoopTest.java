package io.redline.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.Awaits;
import io.redline.testkit.TestClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerLoopTest {

    private final TestClock clock = TestClock.now();

    /** Regression test: a member whose start-up failed logged "could not start", stopped, and stayed "live". */
    @Test
    void aFailedStartUpIsRetriedAndTheLoopThenRuns() throws Exception {
        AtomicInteger startUps = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        WorkerLoop loop = new WorkerLoop("flaky-start", Duration.ofMillis(5), clock) {
            @Override
            protected void onStart() {
                if (startUps.incrementAndGet() < 3) {
                    throw new IllegalStateException("Redis said no");
                }
            }

            @Override
            protected void doWork() throws InterruptedException {
                rounds.incrementAndGet();
                pause(Duration.ofMillis(5));
            }
        };
        loop.start();
        try {
            Awaits.await(Duration.ofSeconds(10)).until(() -> rounds.get() > 0);
            assertEquals(3, startUps.get());
        } finally {
            loop.stop();
        }
    }

    /** Regression test: a member whose every round failed (NOGROUP) was reported "looping" by liveness. */
    @Test
    void aLoopWhoseRoundsKeepFailingIsStuckAfterTheLimit() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        WorkerLoop loop = new WorkerLoop("always-failing", Duration.ofMillis(1), clock) {
            @Override
            protected void doWork() {
                attempts.incrementAndGet();
                throw new IllegalStateException("NOGROUP");
            }
        };
        loop.start();
        try {
            Awaits.await(Duration.ofSeconds(10)).until(() -> attempts.get() >= 2);
            assertFalse(loop.isStuck(Duration.ofMinutes(2)));
            clock.advance(Duration.ofMinutes(3));
            assertTrue(loop.isStuck(Duration.ofMinutes(2)));
        } finally {
            loop.stop();
        }
        assertFalse(loop.isStuck(Duration.ofMinutes(2)), "a stopped loop is not stuck");
    }

    @Test
    void aLoopThatCompletesRoundsIsNotStuck() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        WorkerLoop loop = new WorkerLoop("healthy", Duration.ofMillis(1), clock) {
            @Override
            protected void doWork() throws InterruptedException {
                rounds.incrementAndGet();
                pause(Duration.ofMillis(2));
            }
        };
        loop.start();
        try {
            clock.advance(Duration.ofMinutes(3));
            int seen = rounds.get();
            Awaits.await(Duration.ofSeconds(10)).until(() -> rounds.get() > seen + 1);
            assertFalse(loop.isStuck(Duration.ofMinutes(2)));
        } finally {
            loop.stop();
        }
    }

    @Test
    void failuresInARowDoubleThePauseUpToThirtySeconds() {
        assertEquals(Duration.ofSeconds(1), WorkerLoop.pauseAfter(Duration.ofSeconds(1), 1));
        assertEquals(Duration.ofSeconds(4), WorkerLoop.pauseAfter(Duration.ofSeconds(1), 3));
        assertEquals(WorkerLoop.LONGEST_PAUSE, WorkerLoop.pauseAfter(Duration.ofSeconds(1), 9));
        assertEquals(WorkerLoop.LONGEST_PAUSE, WorkerLoop.pauseAfter(Duration.ofSeconds(1), 10_000));
    }
}
