package io.redline.core.swr;

/** How a value was served. */
public enum CacheStatus {
    /** Fresh from Redis. */
    HIT,
    /** Past its fresh TTL, served from Redis while a refresh runs in the background. */
    STALE,
    /** Loaded from the origin (by this caller, or by the one caller it waited for). */
    MISS
}
