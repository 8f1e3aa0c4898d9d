package io.redline.gateway.cache;

import io.redline.core.swr.Lifetime;
import io.redline.gateway.origin.OriginResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a stored origin answer is fresh and how long it is kept (RFC 9111 4.2), from its headers and the
 * gateway's defaults ({@code CACHE_FRESH_TTL}, {@code CACHE_STALE_TTL}):
 *
 * <ul>
 *   <li>fresh time: {@code s-maxage}, else {@code max-age}, else {@code Expires} minus {@code Date} (a date that
 *       does not parse is in the past), else {@code CACHE_FRESH_TTL}; {@code no-cache} makes it 0 (stored, but
 *       every request revalidates). What the origin says is capped by {@code CACHE_FRESH_TTL} unless
 *       {@code CACHE_HONOR_ORIGIN_TTL} is set;</li>
 *   <li>stale window after it: {@code CACHE_STALE_TTL - CACHE_FRESH_TTL}, or longer when the origin's
 *       {@code stale-while-revalidate} or {@code stale-if-error} says so. {@code must-revalidate},
 *       {@code proxy-revalidate} and {@code s-maxage} forbid serving stale (RFC 9111 4.2.4, 5.2.2.10): then only
 *       those two directives open a window;</li>
 *   <li>age: the origin's {@code Age}; both times count from when the origin produced the answer.</li>
 * </ul>
 */
public final class Freshness {

    private final Duration defaultFresh;
    private final Duration defaultWindow;
    private final boolean honorOrigin;

    /**
     * @param honorOrigin {@code CACHE_HONOR_ORIGIN_TTL}: the origin's fresh time is taken as it is, even beyond
     *                    {@code defaultFresh}
     */
    public Freshness(Duration defaultFresh, Duration defaultStale, boolean honorOrigin) {
        if (defaultStale.compareTo(defaultFresh) < 0) {
            throw new IllegalArgumentException("defaultStale must be >= defaultFresh (" + defaultFresh
                    + "), but was " + defaultStale);
        }
        this.defaultFresh = defaultFresh;
        this.defaultWindow = defaultStale.minus(defaultFresh);
        this.honorOrigin = honorOrigin;
    }

    public Lifetime of(OriginResponse response) {
        CacheControl control = CacheControl.parse(response.joined("cache-control"));
        Duration fresh = originFresh(control, response).map(this::capped).orElse(defaultFresh);
        if (control.has("no-cache")) {
            fresh = Duration.ZERO;
        }
        Duration allowed = max(control.seconds("stale-while-revalidate").orElse(Duration.ZERO),
                control.seconds("stale-if-error").orElse(Duration.ZERO));
        boolean staleForbidden = control.has("must-revalidate") || control.has("proxy-revalidate")
                || control.has("s-maxage");
        Duration window = staleForbidden ? allowed : max(defaultWindow, allowed);
        return new Lifetime(age(response), fresh, fresh.plus(window));
    }

    private static Optional<Duration> originFresh(CacheControl control, OriginResponse response) {
        Optional<Duration> shared = control.seconds("s-maxage");
        if (shared.isPresent()) {
            return shared;
        }
        Optional<Duration> maxAge = control.seconds("max-age");
        if (maxAge.isPresent()) {
            return maxAge;
        }
        Optional<String> expires = response.header("expires");
        if (expires.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> at = HttpDate.parse(expires.get());
        if (at.isEmpty()) {
            return Optional.of(Duration.ZERO);
        }
        // against the origin's own clock when it says the time, so that clock skew does not count
        Instant date = HttpDate.parse(response.header("date").orElse(null)).orElseGet(Instant::now);
        return Optional.of(max(Duration.ZERO, Duration.between(date, at.get())));
    }

    private Duration capped(Duration originFresh) {
        return honorOrigin || originFresh.compareTo(defaultFresh) <= 0 ? originFresh : defaultFresh;
    }

    /** The origin's {@code Age} in seconds; one that is no number is ignored. */
    private static Duration age(OriginResponse response) {
        String value = response.header("age").orElse("").trim();
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
