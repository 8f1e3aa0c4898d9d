package io.redline.core.config;

import io.redline.core.text.Printable;

/**
 * One invalid variable: its name, the value as it may be shown (passwords already masked) and what is allowed.
 *
 * @param variable the environment variable
 * @param shownValue the offending value, safe to print, or {@code null} when the variable was unset
 * @param allowed what the variable accepts
 */
public record ConfigError(String variable, String shownValue, String allowed) {

    private static final int ECHOED_CODE_POINTS = 200;

    /** The one line printed for this error, e.g. {@code ADMIN_PORT="abc" is invalid: must be ...}. */
    public String line() {
        String value = shownValue == null
                ? " is not set"
                : "=\"" + Printable.of(shownValue, ECHOED_CODE_POINTS) + "\" is invalid";
        return variable + value + ": " + allowed;
    }
}
