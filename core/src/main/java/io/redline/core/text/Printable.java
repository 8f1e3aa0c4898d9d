package io.redline.core.text;

/**
 * A value from outside (an environment variable, a key part sent by a client) as it may be echoed in an error
 * message or a log line. Control characters would break the one-line promise and could forge log lines, so they
 * are written as {@code \}{@code uXXXX}; a long value is cut, so that a hostile one cannot flood the log.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * @param value the value to echo, not {@code null}
     * @param maxCodePoints how many code points are kept; {@code ...} marks a value that was cut
     */
    public static String of(String value, int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be > 0, but was " + maxCodePoints);
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxCodePoints) + 3);
        value.codePoints().limit(maxCodePoints).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > maxCodePoints) {
            out.append("...");
        }
        return out.toString();
    }
}
