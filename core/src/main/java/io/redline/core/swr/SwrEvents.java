package io.redline.core.swr;

/** What the cache reports; the process registers these as metrics at its edge. */
public interface SwrEvents {

    SwrEvents NONE = new SwrEvents() {
    };

    default void hit() {
    }

    default void stale() {
    }

    default void miss() {
    }

    /** The origin was called for a cold key. */
    default void loaded() {
    }

    default void refreshed() {
    }

    /**
     * A background refresh found the stored value unchanged ({@link Loaded.Kind#NOT_MODIFIED}) and stored it again
     * with new times, without a new value from the origin.
     */
    default void revalidated() {
    }

    /**
     * A background refresh failed (the loader failed, or loaded an {@linkplain Loaded#error error}); the stale value
     * is kept until its stale TTL ends.
     *
     * @param reason the loader's failure or the loaded error, for logs
     */
    default void refreshFailed(String reason) {
    }

    /** A lookup was answered from the in-process near cache, without Redis (it also counts as a {@link #hit}). */
    default void nearHit() {
    }

    /** A lookup found no fresh copy in the near cache and asked Redis. */
    default void nearMiss() {
    }

    /** The near cache dropped an entry to stay within its byte budget. */
    default void nearEvicted() {
    }

    /** A store by some process made the near cache drop its copy of an entry. */
    default void nearInvalidated() {
    }
}
