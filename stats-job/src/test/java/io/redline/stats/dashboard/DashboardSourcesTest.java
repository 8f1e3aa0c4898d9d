package io.redline.stats.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.redisson.api.RType;
import org.redisson.client.protocol.ScoredEntry;

/** The dashboard made of its named sources' replies, without Redis: what each reply becomes, and where. */
class DashboardSourcesTest {

    private static final RedlineKeys KEYS = new RedlineKeys(new KeyNamespace("unit"));
    private static final Instant NOW = Instant.parse("2026-11-26T23:59:59.500Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-26");

    private final DashboardSources sources = new DashboardSources(KEYS, NOW);

    @Test
    void everySourceNamesItsKeyAndTheTypeItExpectsThereInTheOrderTheReadsAreSent() {
        assertEquals(List.of(
                        Map.entry(KEYS.dailyVisitors(DAY), RType.OBJECT),
                        Map.entry(KEYS.dailyRevenueCents(DAY), RType.OBJECT),
                        Map.entry(KEYS.unitsSold(), RType.ZSET),
                        Map.entry(KEYS.dailyPageViews(DAY), RType.ZSET),
                        Map.entry(KEYS.chatSessions(), RType.ZSET),
                        Map.entry(KEYS.dailyRequests(DAY), RType.OBJECT),
                        Map.entry(KEYS.dailyErrors(DAY), RType.OBJECT)),
                sources.all().stream().map(s -> Map.entry(s.key(), s.expectedType())).toList());
    }

    @Test
    void eachFigureComesFromItsOwnSourcesReplyWhateverOrderTheRepliesCameIn() {
        Replies replies = new Replies();
        replies.put(sources.errors, CompletableFuture.completedFuture("120"));
        replies.put(sources.requests, CompletableFuture.completedFuture("8000"));
        replies.put(sources.activeSessions, CompletableFuture.completedFuture(7L));
        replies.put(sources.pageViews, CompletableFuture.completedFuture(List.of(new ScoredEntry<>(100.0, "/"),
                new ScoredEntry<>(90.0, "/products"))));
        replies.put(sources.unitsSold, CompletableFuture.completedFuture(List.of(new ScoredEntry<>(60.0, "kbd-01"),
                new ScoredEntry<>(52.6, "mouse-02"))));
        replies.put(sources.revenueCents, CompletableFuture.completedFuture("1234567"));
        replies.put(sources.visitors, CompletableFuture.completedFuture(1_003L));

        assertEquals(new Dashboard(1_003, new BigDecimal("12345.67"),
                        List.of(new Dashboard.ProductUnits("kbd-01", 60), new Dashboard.ProductUnits("mouse-02", 53)),
                        List.of(new Dashboard.PageViews("/", 100), new Dashboard.PageViews("/products", 90)),
                        7, 8_000, 120, 0.015, "2026-11-26T23:59:59.500Z"),
                sources.dashboard(replies));
    }

    @Test
    void missingCountersAreZerosAndNoRequestsMeanAnErrorRateOfZero() {
        Replies replies = new Replies();
        for (Source<?> source : List.of(sources.revenueCents, sources.requests, sources.errors)) {
            replies.put(source, CompletableFuture.completedFuture(null));
        }
        for (Source<?> source : List.of(sources.visitors, sources.activeSessions)) {
            replies.put(source, CompletableFuture.completedFuture(0L));
        }
        for (Source<?> source : List.of(sources.unitsSold, sources.pageViews)) {
            replies.put(source, CompletableFuture.completedFuture(List.of()));
        }

        assertEquals(new Dashboard(0, new BigDecimal("0.00"), List.of(), List.of(), 0, 0, 0, 0.0,
                "2026-11-26T23:59:59.500Z"), sources.dashboard(replies));
    }

    @Test
    void aCounterThatIsNotAWholeNumberIsNamedByItsKeyAndContent() {
        Replies replies = new Replies();
        replies.put(sources.requests, CompletableFuture.completedFuture("12.5"));

        WrongTypeException wrong = assertThrows(WrongTypeException.class, () -> replies.of(sources.requests));
        assertEquals(KEYS.dailyRequests(DAY) + " holds \"12.5\", but the dashboard reads it as a whole number",
                wrong.getMessage());
    }

    @Test
    void aSourceWhoseReadWasNeverSentIsABugThatNamesItsKey() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new Replies().of(sources.errors));
        assertEquals("no read was sent for " + KEYS.dailyErrors(DAY), missing.getMessage());
    }

    @Test
    void aReplyStillToComeIsNeverWaitedFor() {
        Replies replies = new Replies();
        replies.put(sources.visitors, new CompletableFuture<>());

        IllegalStateException pending = assertThrows(IllegalStateException.class, () -> replies.of(sources.visitors));
        assertEquals("the reply for " + KEYS.dailyVisitors(DAY) + " has not come", pending.getMessage());
    }

    @Test
    void typesAreNamedAsRedisTypeNamesThem() {
        assertEquals(List.of("string", "hash", "list", "set", "zset", "stream"),
                List.of(RType.OBJECT, RType.MAP, RType.LIST, RType.SET, RType.ZSET, RType.STREAM).stream()
                        .map(SourceTypes::name).toList());
    }
}
