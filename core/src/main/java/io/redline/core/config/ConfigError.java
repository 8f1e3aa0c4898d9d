package io.redline.core.config;

/**
 * One invalid variable: its name, the value as it may be shown (passwords already masked) and what is allowed.
 *
 * @param variable the environment variable
 * @param shownValue the offending value, safe to print, or {@code null} when the variable was unset
 * @param allowed what the variable accepts
 */
public record ConfigError(String variable, String shownValue, String allowed) {

    /** The one line printed for this error, e.g. {@code ADMIN_PORT="abc" is invalid: must be ...}. */
    public String line() {
        String value = shownValue == null ? " is not set" : "=\"" + printable(shownValue) + "\" is invalid";
        return variable + value + ": " + allowed;
    }

    /** Control characters would break the one-line promise and could forge log lines. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 200));
        value.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > 200) {
            out.append("...");
        }
        return out.toString();
    }
}
