/**
 * The stale-while-revalidate cache ({@link io.redline.core.swr.SwrCache}): one Redis key per entry holding an
 * envelope (value, stored-at, fresh-until) whose TTL is the stale TTL, so that a fresh or stale hit costs one
 * round trip; background refresh by one owner across all processes under an owner-token lock; one load per cold
 * key across all callers and processes; stale-if-error; TTL jitter.
 */
package io.redline.core.swr;
