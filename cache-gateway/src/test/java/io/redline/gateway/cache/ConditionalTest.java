package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.gateway.cache.Conditional.Result;
import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionalTest {

    private static final String MODIFIED = "Sun, 01 Nov 2026 10:00:00 GMT";
    private static final OriginResponse STORED = new OriginResponse(200, List.of(new Header("ETag", "\"v1\""),
            new Header("Last-Modified", MODIFIED)), new byte[0], null);
    private static final OriginResponse WEAK = new OriginResponse(200, List.of(new Header("ETag", "W/\"v1\"")),
            new byte[0], null);

    @ParameterizedTest(name = "If-Match {0}, If-None-Match {1}, IMS {2}, IUS {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null          | null                 | null                          | null                          | PROCEED",
        "null          | \"v1\"               | null                          | null                          | NOT_MODIFIED",
        "null          | W/\"v1\"             | null                          | null                          | NOT_MODIFIED",
        "null          | \"a\", \"v1\"        | null                          | null                          | NOT_MODIFIED",
        "null          | *                    | null                          | null                          | NOT_MODIFIED",
        "null          | \"v2\"               | null                          | null                          | PROCEED",
        "null          | \"v2\"               | Mon, 02 Nov 2026 10:00:00 GMT | null                          | PROCEED",
        "null          | null                 | Sun, 01 Nov 2026 10:00:00 GMT | null                          | NOT_MODIFIED",
        "null          | null                 | Mon, 02 Nov 2026 10:00:00 GMT | null                          | NOT_MODIFIED",
        "null          | null                 | Sat, 31 Oct 2026 10:00:00 GMT | null                          | PROCEED",
        "null          | null                 | yesterday                     | null                          | PROCEED",
        "\"v1\"        | \"v1\"               | null                          | null                          | NOT_MODIFIED",
        "*             | null                 | null                          | null                          | PROCEED",
        "\"v2\"        | null                 | null                          | null                          | PRECONDITION_FAILED",
        "W/\"v1\"      | null                 | null                          | null                          | PRECONDITION_FAILED",
        "null          | null                 | null                          | Sat, 31 Oct 2026 10:00:00 GMT | PRECONDITION_FAILED",
        "null          | null                 | null                          | Sun, 01 Nov 2026 10:00:00 GMT | PROCEED",
    })
    void preconditionsAreEvaluatedInTheOrderOfRfc9110(String ifMatch, String ifNoneMatch, String ifModifiedSince,
                                                       String ifUnmodifiedSince, Result expected) {
        assertEquals(expected, Conditional.evaluate(new RequestConditions(ifMatch, ifNoneMatch, ifModifiedSince,
                ifUnmodifiedSince, null, null), STORED));
    }

    @ParameterizedTest(name = "If-None-Match {0} against a weak W/\"v1\": {1}")
    @CsvSource(delimiter = '|', value = {"\"v1\" | NOT_MODIFIED", "W/\"v1\" | NOT_MODIFIED", "\"v2\" | PROCEED"})
    void ifNoneMatchComparesWeakly(String ifNoneMatch, Result expected) {
        assertEquals(expected, Conditional.evaluate(new RequestConditions(null, ifNoneMatch, null, null, null, null),
                WEAK));
    }

    @ParameterizedTest(name = "If-Range {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null                          | true",
        "\"v1\"                        | true",
        "\"v2\"                        | false",
        "W/\"v1\"                      | false",
        "Sun, 01 Nov 2026 10:00:00 GMT | true",
        "Mon, 02 Nov 2026 10:00:00 GMT | false",
        "garbage                       | false",
    })
    void ifRangeNeedsAStrongTagOrTheExactDate(String ifRange, boolean applies) {
        assertEquals(applies, Conditional.rangeApplies(new RequestConditions(null, null, null, null, "bytes=0-1",
                ifRange), STORED));
    }
}
