package io.redline.chat.bench;

/**
 * How many messages are due at a moment of the run so that {@code rate} per second are sent in all, whatever the
 * rate: the bench sends on a fixed tick, and each tick sends what has fallen due since the last one (none on
 * most ticks at a low rate, several at a high one).
 */
final class SendPace {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long rate;
    private long sent;

    SendPace(int rate) {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be >= 1, but was " + rate);
        }
        this.rate = rate;
    }

    /** The messages to send now, {@code elapsedNanos} after the start; counts them as sent. */
    long due(long elapsedNanos) {
        // whole seconds and the rest apart, so that rate * nanoseconds cannot overflow
        long total = elapsedNanos / NANOS_PER_SECOND * rate + elapsedNanos % NANOS_PER_SECOND * rate / NANOS_PER_SECOND;
        long due = Math.max(0, total - sent);
        sent += due;
        return due;
    }
}
