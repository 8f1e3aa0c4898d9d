package io.redline.gateway.cache;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Range} header against a body of a known length (RFC 9110 14.2): one byte range is served as
 * {@code 206} (first and last byte, inclusive), one that starts beyond the end is {@code 416}. Anything else is
 * served whole as {@code 200}: several ranges (rare, and a multipart answer would cost more than the whole body it
 * is cut from, which is at most {@code CACHE_MAX_BYTES}), another unit, or a header that does not parse (which
 * RFC 9110 says to ignore).
 *
 * @param kind what to answer
 * @param first the first byte, for {@link Kind#PARTIAL}
 * @param last the last byte, inclusive, for {@link Kind#PARTIAL}
 */
public record ByteRange(Kind kind, long first, long last) {

    /** What a range asks for. */
    public enum Kind {
        /** The whole body, {@code 200}. */
        FULL,
        /** Bytes {@code first} to {@code last}, {@code 206}. */
        PARTIAL,
        /** Nothing of the body, {@code 416}. */
        UNSATISFIABLE
    }

    private static final ByteRange FULL = new ByteRange(Kind.FULL, 0, 0);
    private static final ByteRange UNSATISFIABLE = new ByteRange(Kind.UNSATISFIABLE, 0, 0);
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** @param range the {@code Range} header, or {@code null} */
    public static ByteRange of(String range, long length) {
        if (range == null) {
            return FULL;
        }
        String value = range.trim();
        int eq = value.indexOf('=');
        if (eq < 0 || !value.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return FULL;
        }
        String[] specs = value.substring(eq + 1).split(",");
        if (specs.length != 1) {
            return FULL;
        }
        Matcher spec = SPEC.matcher(specs[0]);
        if (!spec.matches() || (spec.group(1).isEmpty() && spec.group(2).isEmpty())) {
            return FULL;
        }
        if (spec.group(1).isEmpty()) {
            long suffix = digits(spec.group(2));
            return suffix == 0 || length == 0 ? UNSATISFIABLE
                    : new ByteRange(Kind.PARTIAL, Math.max(0, length - suffix), length - 1);
        }
        long first = digits(spec.group(1));
        long last = spec.group(2).isEmpty() ? Long.MAX_VALUE : digits(spec.group(2));
        if (last < first) {
            return FULL;
        }
        return first >= length ? UNSATISFIABLE : new ByteRange(Kind.PARTIAL, first, Math.min(last, length - 1));
    }

    /** Digits as a number; more than a long holds is as good as the largest (no body is that long). */
    private static long digits(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
