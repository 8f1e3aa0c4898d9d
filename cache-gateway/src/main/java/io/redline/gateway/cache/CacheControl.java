package io.redline.gateway.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A response's {@code Cache-Control} directives (RFC 9111 5.2), names in lower case. A directive given twice counts
 * once, as first given (RFC 9111 4.2.1).
 */
final class CacheControl {

    /** RFC 9111 1.2.2: a delta-seconds too large to represent is read as 2^31. */
    private static final long MAX_SECONDS = 2_147_483_648L;

    private final Map<String, String> directives;

    private CacheControl(Map<String, String> directives) {
        this.directives = directives;
    }

    /** @param header every {@code Cache-Control} field line, comma-joined */
    static CacheControl parse(String header) {
        Map<String, String> directives = new LinkedHashMap<>();
        for (String part : splitOutsideQuotes(header)) {
            String directive = part.trim();
            if (directive.isEmpty()) {
                continue;
            }
            int eq = directive.indexOf('=');
            String name = (eq < 0 ? directive : directive.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : unquote(directive.substring(eq + 1).trim());
            directives.putIfAbsent(name, value);
        }
        return new CacheControl(directives);
    }

    boolean has(String name) {
        return directives.containsKey(name);
    }

    /**
     * A delta-seconds directive ({@code max-age=60}): empty when absent; zero when its value is not a number, which
     * the cache then reads in the most careful way (RFC 9111 4.2.1: as stale).
     */
    Optional<Duration> seconds(String name) {
        if (!directives.containsKey(name)) {
            return Optional.empty();
        }
        String value = directives.get(name);
        if (value == null || value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(Duration.ofSeconds(value.length() > 10 ? MAX_SECONDS
                : Math.min(MAX_SECONDS, Long.parseLong(value))));
    }

    private static java.util.List<String> splitOutsideQuotes(String header) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
