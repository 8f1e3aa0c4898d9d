/**
 * The sliding-window log rate limiter: a sorted set per identity and limit, decided by one Lua script in one
 * round trip on Redis's clock ({@link io.redline.core.ratelimit.SlidingWindowRateLimiter}). Several limits per
 * identity, weighted requests, fail-open or fail-closed when Redis is unavailable.
 */
package io.redline.core.ratelimit;
