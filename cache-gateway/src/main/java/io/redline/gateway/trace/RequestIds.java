package io.redline.gateway.trace;

import io.redline.gateway.http.RequestLogContext;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} of a request: the client's (or a proxy's in front) when it is a plain token, else a new
 * one. Only a plain token is accepted because the id goes into every log line of the request and to the origin.
 */
public final class RequestIds {

    /** The header. */
    public static final String HEADER = RequestLogContext.HEADER;
    /** The MDC key of the request's log lines (see docs/configuration.md, "Logs"). */
    public static final String MDC_KEY = RequestLogContext.MDC_KEY;
    /** What an accepted id may be: letters, digits and {@code . _ : @ / + = -}, from 1 to 128 of them. */
    static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {
    }

    /** The id to use for a request that arrived with {@code given} (may be {@code null}). */
    public static String of(String given) {
        return accepted(given).orElseGet(RequestIds::generate);
    }

    static Optional<String> accepted(String given) {
        if (given == null) {
            return Optional.empty();
        }
        String trimmed = given.trim();
        return ACCEPTED.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }

    /** 32 lower-case hex digits; random but not secret, so without the cost of a secure generator. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
