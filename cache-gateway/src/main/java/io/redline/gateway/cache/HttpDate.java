package io.redline.gateway.cache;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** HTTP dates (RFC 9110 5.6.7) as the cache reads them: IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
final class HttpDate {

    private HttpDate() {
    }

    /** @return the instant, or empty when the text is no valid date (which callers then ignore, or read as past) */
    static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
