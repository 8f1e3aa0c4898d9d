package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.swr.Lifetime;
import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With CACHE_FRESH_TTL=60s and CACHE_STALE_TTL=300s: a stale window of 240 s by default. */
class FreshnessTest {

    private static final Freshness CAPPED = new Freshness(Duration.ofSeconds(60), Duration.ofSeconds(300), false);
    private static final Freshness HONORED = new Freshness(Duration.ofSeconds(60), Duration.ofSeconds(300), true);
    private static final String DATE = "Sun, 01 Nov 2026 10:00:00 GMT";

    @ParameterizedTest(name = "Cache-Control: {0}; Expires {1}; Age {2} -> age {3}, fresh {4}, stale {5} (capped)")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // cache-control                         | expires                       | age  | age | fresh | stale
        "null                                    | null                          | null | 0   | 60    | 300",
        "public                                  | null                          | null | 0   | 60    | 300",
        "max-age=30                              | null                          | null | 0   | 30    | 270",
        "max-age=600                             | null                          | null | 0   | 60    | 300",
        "s-maxage=20, max-age=5                  | null                          | null | 0   | 20    | 20",
        "s-maxage=20, stale-while-revalidate=100 | null                          | null | 0   | 20    | 120",
        "max-age=30, stale-while-revalidate=1000 | null                          | null | 0   | 30    | 1030",
        "max-age=30, stale-if-error=500          | null                          | null | 0   | 30    | 530",
        "max-age=30, must-revalidate             | null                          | null | 0   | 30    | 30",
        "max-age=30, proxy-revalidate            | null                          | null | 0   | 30    | 30",
        "no-cache                                | null                          | null | 0   | 0     | 240",
        "no-cache, max-age=30                    | null                          | null | 0   | 0     | 240",
        "no-cache, must-revalidate               | null                          | null | 0   | 0     | 0",
        "max-age=abc                             | null                          | null | 0   | 0     | 240",
        "max-age=\"30\"                          | null                          | null | 0   | 30    | 270",
        "max-age=10, max-age=50                  | null                          | null | 0   | 10    | 250",
        "MAX-AGE=10                              | null                          | null | 0   | 10    | 250",
        "max-age=99999999999999                  | null                          | null | 0   | 60    | 300",
        "null                                    | Sun, 01 Nov 2026 10:00:45 GMT | null | 0   | 45    | 285",
        "null                                    | Sun, 01 Nov 2026 09:00:00 GMT | null | 0   | 0     | 240",
        "null                                    | 0                             | null | 0   | 0     | 240",
        "max-age=20                              | Sun, 01 Nov 2026 10:00:45 GMT | null | 0   | 20    | 260",
        "max-age=30                              | null                          | 10   | 10  | 30    | 270",
        "null                                    | null                          | 7    | 7   | 60    | 300",
        "null                                    | null                          | soon | 0   | 60    | 300",
    })
    void theOriginsDirectivesSetTheEntrysTimesCappedByTheDefaults(String cacheControl, String expires,
                                                                   String age, long ageSeconds, long fresh,
                                                                   long stale) {
        assertEquals(lifetime(ageSeconds, fresh, stale), CAPPED.of(response(cacheControl, expires, age)));
    }

    @ParameterizedTest(name = "Cache-Control: {0} -> fresh {1}, stale {2} (honoured)")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "max-age=600                | 600 | 840",
        "s-maxage=3600              | 3600 | 3600",
        "null                       | 60  | 300",
        "max-age=30                 | 30  | 270",
    })
    void withCacheHonorOriginTtlTheOriginsFreshTimeIsTakenAsItIs(String cacheControl, long fresh, long stale) {
        assertEquals(lifetime(0, fresh, stale), HONORED.of(response(cacheControl, null, null)));
    }

    private static Lifetime lifetime(long age, long fresh, long stale) {
        return new Lifetime(Duration.ofSeconds(age), Duration.ofSeconds(fresh), Duration.ofSeconds(stale));
    }

    private static OriginResponse response(String cacheControl, String expires, String age) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Date", DATE));
        if (cacheControl != null) {
            headers.add(new Header("Cache-Control", cacheControl));
        }
        if (expires != null) {
            headers.add(new Header("Expires", expires));
        }
        if (age != null) {
            headers.add(new Header("Age", age));
        }
        return new OriginResponse(200, headers, new byte[0], null);
    }
}
