package io.redline.stats;

import io.redline.stats.dashboard.Dashboard;
import io.redline.stats.dashboard.DashboardStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Two hours of snapshots a minute apart, stored oldest first as {@code run} would have: requests that swell and
 * ebb, an incident of errors in the middle, orders, visitors and chat sessions. The day counters start again at
 * midnight UTC, as the real ones do. Seeded, so the page looks the same each time.
 */
final class DemoHistory {

    static final int MINUTES = 120;

    /** The counters of the last snapshot, for the live run that follows. */
    record Totals(long visitors, long revenueCents, long requests, long errors) {
    }

    private DemoHistory() {
    }

    /** Stores the snapshots, the last one generated at {@code last}, and answers its counters. */
    static Totals store(DashboardStore store, Instant last) {
        Random random = new Random(15);
        long visitors = 0;
        long revenueCents = 0;
        long requests = 0;
        long errors = 0;
        Instant previous = null;
        for (int minute = 0; minute < MINUTES; minute++) {
            Instant at = last.minus(Duration.ofMinutes(MINUTES - 1 - minute));
            if (previous != null && !day(previous).equals(day(at))) {
                visitors = 0;
                revenueCents = 0;
                requests = 0;
                errors = 0;
            }
            long perMinute = Math.round(420 + 180 * Math.sin(minute / 14.0) + random.nextInt(60));
            requests += perMinute;
            errors += minute >= 70 && minute < 78 ? 25 + random.nextInt(20) : random.nextInt(3);
            revenueCents += 9_000 + random.nextInt(12_000) + (minute / 30) * 2_500;
            visitors += 4 + random.nextInt(5);
            long sessions = Math.round(24 + 10 * Math.sin(minute / 20.0)) + random.nextInt(4);
            store.save(new Dashboard(visitors, BigDecimal.valueOf(revenueCents, 2), List.of(), List.of(), sessions,
                    requests, errors, requests == 0 ? 0 : Math.round(1e6 * errors / requests) / 1e6,
                    at.toString()));
            previous = at;
        }
        return new Totals(visitors, revenueCents, requests, errors);
    }

    private static Object day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
