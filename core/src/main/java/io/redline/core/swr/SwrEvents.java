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

    /** A background refresh failed; the stale value is kept until its stale TTL ends. */
    default void refreshFailed(Throwable error) {
    }
}
