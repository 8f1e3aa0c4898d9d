package io.redline.core.lifecycle;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shutdown sequence of metrics' {@code ScheduledReporter.stop()}: shutdown, wait, shutdownNow, wait. */
public final class ExecutorShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorShutdown.class);

    private ExecutorShutdown() {
    }

    /**
     * Lets running tasks finish within {@code grace}, then interrupts them.
     *
     * @return true if every task finished
     */
    public static boolean shutdown(String name, ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("Pool {} did not finish within {} ms; interrupting its tasks", name, grace.toMillis());
            executor.shutdownNow();
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.error("Pool {} did not terminate", name);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
