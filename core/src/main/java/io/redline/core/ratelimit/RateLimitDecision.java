package io.redline.core.ratelimit;

/**
 * The answer for one request, with what the {@code X-RateLimit-*} and {@code Retry-After} headers need. With
 * several limits, the figures are those of the most restrictive one.
 *
 * @param allowed whether the request may go on
 * @param limit the limit reported ({@code X-RateLimit-Limit})
 * @param remaining units left in the window after this request ({@code X-RateLimit-Remaining})
 * @param resetEpochSecond Unix second at which the next slot frees ({@code X-RateLimit-Reset})
 * @param retryAfterSeconds whole seconds until a slot frees, at least 1 when denied, 0 when allowed
 * @param degraded true when Redis could not be asked and the fail mode decided
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetEpochSecond,
                                long retryAfterSeconds, boolean degraded) {
}
