package io.redline.gateway.limit;

import io.redline.core.ratelimit.RateLimitDecision;
import io.redline.core.ratelimit.SlidingWindowRateLimiter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a client's request may go on. The decision is empty when there is no limiter
 * ({@code RATE_LIMIT=off}): the request goes on, and its answer carries no {@code X-RateLimit-*} headers, since
 * there is no limit to describe.
 */
public interface Admission {

    /** Lets everything through without asking Redis. */
    Admission UNLIMITED = client -> CompletableFuture.completedStage(Optional.empty());

    /** Never fails: a limiter that cannot ask Redis decides by its fail mode. */
    CompletionStage<Optional<RateLimitDecision>> admit(String client);

    static Admission limitedBy(SlidingWindowRateLimiter limiter) {
        return client -> limiter.acquire(client).thenApply(Optional::of);
    }
}
