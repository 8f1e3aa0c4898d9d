package io.redline.core.process;

import io.redline.core.lifecycle.Managed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RAtomicLong;

/**
 * A process for tests of the real exit path: its one part does {@code TEST_WORK_STEPS} steps of work, one
 * {@code INCR} of {@code drain:steps} every 100 ms, and its {@code stop} waits for the work in hand to finish.
 */
public final class DrainingTestProcess {

    public static final String STEPS_KEY = "drain:steps";

    private DrainingTestProcess() {
    }

    public static void main(String[] args) {
        ProcessMain.run("draining-test", reader -> {
            int steps = reader.integer("TEST_WORK_STEPS", 20, 1, 10_000);
            return context -> List.of(new InFlightWork(context, steps));
        });
    }

    /** Work that is in flight when SIGTERM arrives. */
    private static final class InFlightWork implements Managed {

        private final ProcessContext context;
        private final int steps;
        private final CountDownLatch finished = new CountDownLatch(1);

        InFlightWork(ProcessContext context, int steps) {
            this.context = context;
            this.steps = steps;
        }

        @Override
        public void start() {
            RAtomicLong counter = context.redis().getAtomicLong(context.keys().key(STEPS_KEY));
            ScheduledExecutorService pool = context.threadPools().scheduled("test-work", 1);
            System.out.println("work started");
            pool.scheduleAtFixedRate(() -> {
                if (finished.getCount() > 0 && counter.incrementAndGet() >= steps) {
                    System.out.println("work finished");
                    finished.countDown();
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        @Override
        public void stop() throws InterruptedException {
            Duration grace = context.config().shutdownGrace();
            finished.await(grace.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        }
    }
}
