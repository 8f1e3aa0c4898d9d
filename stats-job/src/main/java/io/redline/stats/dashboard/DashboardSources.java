package io.redline.stats.dashboard;

import io.redline.core.keys.RedlineKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RType;

/**
 * The seven sources of the dashboard at one moment (the UTC day's keys, the live sessions' cut-off), each named,
 * and the dashboard made of their figures.
 */
final class DashboardSources {

    private final Instant now;
    final Source<Long> visitors;
    final Source<Long> revenueCents;
    final Source<List<Dashboard.ProductUnits>> unitsSold;
    final Source<List<Dashboard.PageViews>> pageViews;
    final Source<Long> activeSessions;
    final Source<Long> requests;
    final Source<Long> errors;

    DashboardSources(RedlineKeys keys, Instant now) {
        this.now = now;
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        long nowMillis = now.toEpochMilli();
        visitors = new Source<>(keys.dailyVisitors(day), RType.OBJECT,
                (reads, key) -> reads.hyperLogLog(key).countAsync(), Decoders::count);
        revenueCents = counter(keys.dailyRevenueCents(day));
        unitsSold = new Source<>(keys.unitsSold(), RType.ZSET, DashboardSources::topFive, Decoders::products);
        pageViews = new Source<>(keys.dailyPageViews(day), RType.ZSET, DashboardSources::topFive, Decoders::pages);
        // a session counts while its expiry (the score) is still ahead
        activeSessions = new Source<>(keys.chatSessions(), RType.ZSET, (reads, key) -> reads.sortedSet(key)
                .countAsync(nowMillis, false, Double.POSITIVE_INFINITY, true), Decoders::count);
        requests = counter(keys.dailyRequests(day));
        errors = counter(keys.dailyErrors(day));
    }

    /** @return every source, in the order the reads are sent */
    List<Source<?>> all() {
        return List.of(visitors, revenueCents, unitsSold, pageViews, activeSessions, requests, errors);
    }

    Dashboard dashboard(Replies replies) {
        long requestCount = replies.of(requests);
        long errorCount = replies.of(errors);
        double errorRate = requestCount == 0 ? 0 : Math.round((double) errorCount / requestCount * 1e6) / 1e6;
        return new Dashboard(replies.of(visitors), BigDecimal.valueOf(replies.of(revenueCents), 2),
                replies.of(unitsSold), replies.of(pageViews), replies.of(activeSessions), requestCount, errorCount,
                errorRate, now.toString());
    }

    private static Source<Long> counter(String key) {
        return new Source<>(key, RType.OBJECT, (reads, k) -> reads.string(k).getAsync(), Decoders::wholeNumber);
    }

    private static CompletionStage<?> topFive(Reads reads, String key) {
        return reads.sortedSet(key).entryRangeReversedAsync(0, 4);
    }
}
