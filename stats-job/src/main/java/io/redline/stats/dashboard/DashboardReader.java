package io.redline.stats.dashboard;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.protocol.ScoredEntry;

/**
 * Reads the dashboard. {@link #pipelined()} sends every read in ONE pipeline (an {@code RBatch}, no MULTI: on
 * a cluster it spans slots and nodes); {@link #sequential()} sends the same reads one round trip each, for the
 * comparison. Missing keys read as zeros.
 */
public final class DashboardReader {

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final Clock clock;

    public DashboardReader(RedissonClient redis, RedlineKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @throws WrongTypeException naming a key that holds the wrong kind of value
     */
    public Dashboard pipelined() {
        Instant now = clock.instant();
        Sources sources = new Sources(keys, now);
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        sources.read(new Reads(batch));
        BatchResult<?> result;
        try {
            result = batch.execute();
        } catch (RedisException e) {
            throw new SourceTypes(redis).explain(sources, e);
        }
        return sources.toDashboard(result.getResponses(), now);
    }

    /** The same reads, awaited one after the other. */
    public Dashboard sequential() {
        Instant now = clock.instant();
        Sources sources = new Sources(keys, now);
        List<Object> responses = new ArrayList<>();
        try {
            sources.read(new Reads(redis) {
                @Override
                void add(CompletionStage<?> read) {
                    responses.add(read.toCompletableFuture().join());
                }
            });
        } catch (RuntimeException e) {
            throw new SourceTypes(redis).explain(sources, e);
        }
        return sources.toDashboard(responses, now);
    }

    /** The source keys of one moment's dashboard, and the reads in their fixed order. */
    static final class Sources {

        final LocalDate day;
        final long now;
        final Map<String, String> expectedTypes = new LinkedHashMap<>();
        private final RedlineKeys keys;

        Sources(RedlineKeys keys, Instant now) {
            this.keys = keys;
            this.day = now.atZone(ZoneOffset.UTC).toLocalDate();
            this.now = now.toEpochMilli();
            expectedTypes.put(keys.dailyVisitors(day), "string");
            expectedTypes.put(keys.dailyRevenueCents(day), "string");
            expectedTypes.put(keys.unitsSold(), "zset");
            expectedTypes.put(keys.dailyPageViews(day), "zset");
            expectedTypes.put(keys.chatSessions(), "zset");
            expectedTypes.put(keys.dailyRequests(day), "string");
            expectedTypes.put(keys.dailyErrors(day), "string");
        }

        void read(Reads reads) {
            reads.add(reads.hyperLogLog(keys.dailyVisitors(day)).countAsync());
            reads.add(reads.string(keys.dailyRevenueCents(day)).getAsync());
            reads.add(reads.sortedSet(keys.unitsSold()).entryRangeReversedAsync(0, 4));
            reads.add(reads.sortedSet(keys.dailyPageViews(day)).entryRangeReversedAsync(0, 4));
            reads.add(reads.sortedSet(keys.chatSessions()).countAsync(now, false, Double.POSITIVE_INFINITY, true));
            reads.add(reads.string(keys.dailyRequests(day)).getAsync());
            reads.add(reads.string(keys.dailyErrors(day)).getAsync());
        }

        Dashboard toDashboard(List<?> responses, Instant now) {
            long requests = count(responses.get(5), keys.dailyRequests(day));
            long errors = count(responses.get(6), keys.dailyErrors(day));
            List<Dashboard.ProductUnits> products = new ArrayList<>();
            entries(responses.get(2)).forEach(e -> products.add(new Dashboard.ProductUnits(e.getValue(),
                    Math.round(e.getScore()))));
            List<Dashboard.PageViews> pages = new ArrayList<>();
            entries(responses.get(3)).forEach(e -> pages.add(new Dashboard.PageViews(e.getValue(),
                    Math.round(e.getScore()))));
            double errorRate = requests == 0 ? 0 : Math.round((double) errors / requests * 1e6) / 1e6;
            return new Dashboard(((Number) responses.get(0)).longValue(),
                    BigDecimal.valueOf(count(responses.get(1), keys.dailyRevenueCents(day)), 2), products, pages,
                    ((Number) responses.get(4)).longValue(), requests, errors, errorRate, now.toString());
        }

        private static long count(Object value, String key) {
            if (value == null) {
                return 0;
            }
            try {
                return Long.parseLong(value.toString());
            } catch (NumberFormatException e) {
                throw new WrongTypeException(key + " holds \"" + value + "\", but the dashboard reads it as a whole"
                        + " number");
            }
        }

        @SuppressWarnings("unchecked")
        private static Collection<ScoredEntry<String>> entries(Object value) {
            return (Collection<ScoredEntry<String>>) value;
        }
    }
}
