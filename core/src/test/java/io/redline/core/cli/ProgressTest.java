package io.redline.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final SteppedClock clock = new SteppedClock();

    @Test
    void intoAFileOrAPipeItIsAPlainLineEveryFewSecondsAndNeverACarriageReturn() {
        Progress progress = new Progress("replay", "entries", out, false, clock);
        progress.update(0, 1000);
        clock.advance(Duration.ofSeconds(1));
        progress.update(200, 1000);
        clock.advance(Duration.ofSeconds(4));
        progress.update(500, 1000);
        clock.advance(Duration.ofSeconds(5));
        progress.finish(1000, 1000);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
        assertEquals("replay [                              ]   0% 0/1000 entries, 0/s, 0:00 left\n"
                + "replay [###############               ]  50% 500/1000 entries, 100/s, 0:05 left\n"
                + "replay [##############################] 100% 1000/1000 entries, 100/s, 0:00 left\n", text);
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndEndedOnce() {
        Progress progress = new Progress("simulate", "events", out, true, clock);
        progress.update(0, 100);
        clock.advance(Duration.ofSeconds(1));
        progress.update(50, 100);
        progress.finish(100, 100);
        assertEquals("\rsimulate [                              ]   0% 0/100 events, 0/s, 0:00 left"
                + "\rsimulate [###############               ]  50% 50/100 events, 50/s, 0:01 left"
                + "\rsimulate [##############################] 100% 100/100 events, 100/s, 0:00 left\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    /** A clock that moves only when told. */
    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2026-11-29T12:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
