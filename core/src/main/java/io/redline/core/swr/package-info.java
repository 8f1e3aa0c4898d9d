/**
 * The stale-while-revalidate cache ({@link io.redline.core.swr.SwrCache}): one Redis key per entry holding an
 * envelope (value, stored-at, fresh-until) whose TTL is the end of its stale time, so that a fresh or stale hit
 * costs one round trip; times per call ({@link io.redline.core.swr.SwrPolicy}) or per value
 * ({@link io.redline.core.swr.Lifetime}); background refresh by one owner across all processes under an
 * owner-token lock, whose loader is given the stale value and may answer "not modified"; one load per cold key
 * across all callers and processes; stale-if-error; TTL jitter that only shortens.
 */
package io.redline.core.swr;
