package io.redline.deploy.local.status;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders two consecutive {@link Figures} as one line of rates. */
final class StatusLine {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StatusLine() {
    }

    static String render(Figures previous, Figures now, ZoneId zone) {
        double seconds = Math.max(0.001, Duration.between(previous.at(), now.at()).toMillis() / 1000.0);
        double lookups = now.gatewayLookups() - previous.gatewayLookups();
        String hitRatio = lookups <= 0 ? "-" : percent((now.gatewayHits() - previous.gatewayHits()) / lookups);
        return String.format(Locale.ROOT,
                "%s up %d/%d | gateway %.1f req/s, hit %s, %.1f denied/s | chat %.1f msg/s | events %.1f/s, pending %d"
                        + " | dashboard %s",
                LocalTime.ofInstant(now.at(), zone).format(CLOCK), now.up(), now.processes(),
                rate(previous.gatewayRequests(), now.gatewayRequests(), seconds), hitRatio,
                rate(previous.gatewayDenied(), now.gatewayDenied(), seconds),
                rate(previous.chatMessages(), now.chatMessages(), seconds),
                rate(previous.events(), now.events(), seconds), (long) now.pending(),
                now.lastDashboard() == null ? "not run yet"
                        : Math.max(0, Duration.between(now.lastDashboard(), now.at()).toSeconds()) + " s ago");
    }

    private static double rate(double before, double after, double seconds) {
        // a restarted process starts its counters again at 0: no negative rates
        return Math.max(0, after - before) / seconds;
    }

    private static String percent(double ratio) {
        return Math.round(Math.max(0, Math.min(1, ratio)) * 100) + "%";
    }
}
