package io.redline.core.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts parts in order and stops the started ones in reverse order, even when a start fails. */
public final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final List<Managed> parts;
    private final Deque<Managed> started = new ArrayDeque<>();

    public Lifecycle(List<Managed> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Starts every part; if one fails, the ones already started are stopped and the failure is rethrown.
     */
    public synchronized void start() throws Exception {
        for (Managed part : parts) {
            try {
                part.start();
                started.push(part);
            } catch (Exception e) {
                // no trace here: the failure is rethrown, and its caller reports it once
                LOG.info("{} failed to start; stopping the {} part(s) started before it", name(part), started.size());
                stop();
                throw e;
            }
        }
    }

    /** Stops the started parts, newest first; a failing stop is logged and the others still stop. */
    public synchronized void stop() {
        while (!started.isEmpty()) {
            Managed part = started.pop();
            try {
                part.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("Interrupted while stopping {}", name(part));
            } catch (Exception e) {
                LOG.error("Failed to stop {}", name(part), e);
            }
        }
    }

    private static String name(Managed part) {
        return part.getClass().getSimpleName();
    }
}
