package io.redline.core.swr;

import java.time.Instant;

/**
 * A value and how it was served.
 *
 * @param value the value
 * @param status hit, stale or miss
 * @param storedAt when the value was loaded from its origin (for an {@code Age} header)
 * @param freshUntil when the stored value turns stale, or {@code null} when the value was not stored
 */
public record Cached<T>(T value, CacheStatus status, Instant storedAt, Instant freshUntil) {

    /** Whether the value is (now) in the cache. */
    public boolean stored() {
        return freshUntil != null;
    }
}
