package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {

    @ParameterizedTest(name = "{0} of 100 bytes: {1} {2}-{3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "bytes=0-9            | PARTIAL       | 0  | 9",
        "bytes=10-            | PARTIAL       | 10 | 99",
        "bytes=-5             | PARTIAL       | 95 | 99",
        "bytes=-500           | PARTIAL       | 0  | 99",
        "bytes=90-1000        | PARTIAL       | 90 | 99",
        "BYTES = 1-2          | PARTIAL       | 1  | 2",
        "bytes=99-99          | PARTIAL       | 99 | 99",
        "bytes=0-99999999999999999999 | PARTIAL | 0 | 99",
        "bytes=100-           | UNSATISFIABLE | 0  | 0",
        "bytes=200-300        | UNSATISFIABLE | 0  | 0",
        "bytes=-0             | UNSATISFIABLE | 0  | 0",
        "bytes=0-1, 5-6       | FULL          | 0  | 0",
        "bytes=5-1            | FULL          | 0  | 0",
        "bytes=a-b            | FULL          | 0  | 0",
        "bytes=-              | FULL          | 0  | 0",
        "items=0-1            | FULL          | 0  | 0",
        "null                 | FULL          | 0  | 0",
    })
    void aRangeIsOneSliceUnsatisfiableOrTheWholeBody(String range, ByteRange.Kind kind, long first, long last) {
        assertEquals(new ByteRange(kind, first, last), ByteRange.of(range, 100));
    }

    @ParameterizedTest
    @CsvSource({"bytes=0-", "bytes=-1"})
    void nothingOfAnEmptyBodyCanBeServed(String range) {
        assertEquals(ByteRange.Kind.UNSATISFIABLE, ByteRange.of(range, 0).kind());
    }
}
