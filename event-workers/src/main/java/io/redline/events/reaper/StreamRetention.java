package io.redline.events.reaper;

import io.redline.core.config.Durations;
import java.time.Duration;

/**
 * {@code STREAM_RETENTION}: keep at most {@code maxlen:N} entries, or entries younger than {@code age:7d}, or
 * everything (empty). Either way an entry still pending in the group, or not yet delivered, is never trimmed.
 *
 * @param maxLength the entries to keep, or 0
 * @param maxAge the age to keep, or null
 */
public record StreamRetention(long maxLength, Duration maxAge) {

    public static final StreamRetention KEEP_ALL = new StreamRetention(0, null);
    public static final String SYNTAX = "maxlen:N (entries to keep) or age:DURATION (such as age:7d), or empty";

    /** @throws IllegalArgumentException saying what is allowed */
    public static StreamRetention parse(String text) {
        String value = text.trim();
        if (value.startsWith("maxlen:") && value.substring(7).matches("\\d{1,12}")
                && Long.parseLong(value.substring(7)) > 0) {
            return new StreamRetention(Long.parseLong(value.substring(7)), null);
        }
        if (value.startsWith("age:")) {
            try {
                return new StreamRetention(0, Durations.parse(value.substring(4)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be " + SYNTAX, e);
            }
        }
        throw new IllegalArgumentException("must be " + SYNTAX);
    }

    public boolean keepsAll() {
        return maxLength == 0 && maxAge == null;
    }
}
