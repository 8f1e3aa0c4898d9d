package io.redline.deploy.local.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void ratesAreThePerSecondDifferenceOfTwoReadings() {
        Figures before = new Figures(T0, 8, 8, 100, 40, 50, 10, 5, 20, 3, null);
        Figures after = new Figures(T0.plusSeconds(10), 8, 8, 300, 130, 150, 30, 15, 60, 0, T0.plusSeconds(7));
        assertEquals("10:00:10 up 8/8 | gateway 20.0 req/s, hit 90%, 2.0 denied/s | chat 1.0 msg/s"
                + " | events 4.0/s, pending 0 | dashboard 3 s ago", StatusLine.render(before, after, ZoneOffset.UTC));
    }

    @Test
    void aRestartedProcessWhoseCountersFellGivesNoNegativeRate() {
        Figures before = new Figures(T0, 8, 8, 500, 100, 100, 0, 50, 90, 0, null);
        Figures after = new Figures(T0.plusSeconds(2), 7, 8, 20, 5, 10, 0, 1, 2, 7, null);
        assertEquals("10:00:02 up 7/8 | gateway 0.0 req/s, hit -, 0.0 denied/s | chat 0.0 msg/s"
                + " | events 0.0/s, pending 7 | dashboard not run yet", StatusLine.render(before, after, ZoneOffset.UTC));
    }

    @Test
    void noLookupsShowNoHitRatio() {
        Figures idle = new Figures(T0, 8, 8, 0, 0, 0, 0, 0, 0, 0, null);
        Figures later = new Figures(T0.plusSeconds(2), 8, 8, 0, 0, 0, 0, 0, 0, 0, null);
        assertEquals("10:00:02 up 8/8 | gateway 0.0 req/s, hit -, 0.0 denied/s | chat 0.0 msg/s"
                + " | events 0.0/s, pending 0 | dashboard not run yet", StatusLine.render(idle, later, ZoneOffset.UTC));
    }
}
