package io.redline.core.logging;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a recurring warning at most once per interval, saying how many were held back: a Redis outage must not
 * turn into one log line per request.
 */
public final class ThrottledLogger {

    private final Logger log;
    private final long intervalMillis;
    private final Clock clock;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public ThrottledLogger(Logger log, Duration interval, Clock clock) {
        this.log = log;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    /** @param cause an error, or a text saying what went wrong */
    public void warn(String message, Object cause) {
        long now = clock.millis();
        long next = nextAllowed.get();
        if (now >= next && nextAllowed.compareAndSet(next, now + intervalMillis)) {
            long held = suppressed.getAndSet(0);
            log.warn("{} ({} more held back in the last {} ms): {}", message, held, intervalMillis, String.valueOf(cause));
        } else {
            suppressed.incrementAndGet();
        }
    }
}
