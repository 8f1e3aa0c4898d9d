package io.redline.deploy.local.status;

import java.time.Instant;

/**
 * The platform's counters at one moment; two of them make a status line.
 *
 * @param lastDashboard when the stats job last stored the dashboard, or {@code null}
 */
record Figures(Instant at, long up, long processes, double gatewayRequests, double gatewayHits,
               double gatewayLookups, double gatewayDenied, double chatMessages, double events, double pending,
               Instant lastDashboard) {
}
