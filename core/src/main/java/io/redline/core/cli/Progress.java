package io.redline.core.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far long command-line work has come, on standard error: on a terminal, one line redrawn in place (a bar,
 * the rate and the time left); otherwise, as into a file or a pipe, a plain line every {@link #PLAIN_EVERY}, so that
 * no {@code \r} ever reaches a log.
 */
public final class Progress {

    public static final Duration PLAIN_EVERY = Duration.ofSeconds(5);
    private static final int BAR = 30;
    private static final Duration REDRAW_EVERY = Duration.ofMillis(200);

    private final String label;
    private final String unit;
    private final PrintStream out;
    private final boolean terminal;
    private final Clock clock;
    private final Instant started;
    private Instant shown = Instant.MIN;
    private boolean drawn;

    public Progress(String label, String unit, PrintStream out, boolean terminal, Clock clock) {
        this.label = label;
        this.unit = unit;
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** Progress on this process's standard error, redrawn in place only when it is a terminal. */
    public static Progress onStandardError(String label, String unit) {
        return new Progress(label, unit, System.err, System.console() != null, Clock.systemUTC());
    }

    /** Notes that {@code done} of {@code total} are done; shown when the last showing is old enough. */
    public synchronized void update(long done, long total) {
        Instant now = clock.instant();
        if (Duration.between(shown, now).compareTo(terminal ? REDRAW_EVERY : PLAIN_EVERY) >= 0) {
            show(done, total, now);
        }
    }

    /** Shows the final figures and ends the line. */
    public synchronized void finish(long done, long total) {
        show(done, total, clock.instant());
        if (terminal && drawn) {
            out.println();
        }
    }

    private void show(long done, long total, Instant now) {
        shown = now;
        String line = line(done, total, Duration.between(started, now));
        if (terminal) {
            out.print("\r" + line);
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** {@code replay [###...   ]  50% 500/1000 entries, 1200/s, 0:00 left}. */
    String line(long done, long total, Duration elapsed) {
        long filled = total <= 0 ? BAR : Math.min(BAR, done * BAR / total);
        long percent = total <= 0 ? 100 : Math.min(100, done * 100 / total);
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        long rate = Math.round(done / seconds);
        String left = rate <= 0 || done >= total ? "0:00" : clockTime((total - done) / rate);
        return String.format(java.util.Locale.ROOT, "%s [%s%s] %3d%% %d/%d %s, %d/s, %s left", label,
                "#".repeat((int) filled), " ".repeat(BAR - (int) filled), percent, done, total, unit, rate, left);
    }

    private static String clockTime(long seconds) {
        return seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60);
    }
}
