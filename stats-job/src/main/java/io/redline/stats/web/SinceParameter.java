package io.redline.stats.web;

import java.util.List;

/**
 * The {@code since} query parameter of {@code /api/history}: a time in milliseconds since the epoch, 0 or more.
 * Anything else is refused with a message that echoes the value.
 */
final class SinceParameter {

    static final String NAME = "since";

    private SinceParameter() {
    }

    /**
     * The milliseconds of {@code values} (the parameter's values in the query), or -1 when it is absent.
     *
     * @throws IllegalArgumentException with the message for the client
     */
    static long parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return -1;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException(NAME + " must be given once, but was given " + values.size()
                    + " times: " + values);
        }
        String value = values.get(0);
        try {
            long millis = Long.parseLong(value);
            if (millis >= 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(NAME + " must be a time in milliseconds since the epoch (a whole number,"
                + " 0 or more), but was \"" + value + "\"");
    }
}
