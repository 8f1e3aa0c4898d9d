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
     * A background refresh failed (the loader failed, or loaded an {@linkplain Loaded#error error}); the stale value
     * is kept until its stale TTL ends.
     *
     * @param reason the loader's failure or the loaded error, for logs
     */
    default void refreshFailed(String reason) {
    }
}
