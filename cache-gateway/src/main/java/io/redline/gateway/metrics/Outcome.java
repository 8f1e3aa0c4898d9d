package io.redline.gateway.metrics;

import io.redline.core.swr.Cached;
import io.redline.gateway.origin.OriginResponse;
import java.util.Locale;

/** How a request ended: the {@code outcome} label of the request families. */
public enum Outcome {
    HIT, STALE, MISS,
    /** Served from the origin without the cache: not cacheable, or not a GET/HEAD, or Authorization. */
    PASS,
    /** Refused by the rate limiter (429). */
    DENIED,
    /** Origin unreachable (502). */
    BAD_GATEWAY,
    /** Origin too slow (504). */
    GATEWAY_TIMEOUT,
    /** The origin's own 5xx, relayed. */
    ORIGIN_ERROR,
    /** Shed by the edge (503): more requests in flight than {@code HTTP_MAX_IN_FLIGHT}, and no slot freed in time. */
    SHED;

    /** A request answered through the cache; a miss that was not stored was passed through, or an error. */
    public static Outcome served(Cached<OriginResponse> cached) {
        return switch (cached.status()) {
            case HIT -> Outcome.HIT;
            case STALE -> Outcome.STALE;
            case MISS -> cached.stored() ? Outcome.MISS : forwarded(cached.value());
        };
    }

    /** A request the origin answered without the cache. */
    public static Outcome forwarded(OriginResponse answer) {
        return answer.isServerError() ? ORIGIN_ERROR : PASS;
    }

    /** The label value: {@code hit}, {@code bad_gateway}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
