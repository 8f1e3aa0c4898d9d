package io.redline.core.swr;

/**
 * What a loader fetched, and what the cache may do with it.
 *
 * @param value the value
 * @param kind whether it is stored, passed through, or relayed as an error
 * @param error why the value is an error, for logs: set for {@link Kind#ERROR} only, else {@code null}
 */
public record Loaded<T>(T value, Kind kind, String error) {

    /** What the cache does with a loaded value. */
    public enum Kind {
        /** Stored and shared. */
        STORE,
        /**
         * Must not be cached (the origin said {@code no-store}, too large...): it goes to the caller that loaded it
         * only, and the key is marked so that callers load for themselves for one fresh TTL instead of queueing
         * behind each other.
         */
        PASS_THROUGH,
        /**
         * The origin's answer is an error (a {@code 5xx} page): relayed to the caller that loaded it (and to those
         * that waited for that load in this process), neither stored nor marked. A background refresh that gets one
         * has failed, and the stale value is kept.
         */
        ERROR
    }

    public Loaded {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be set, but was null");
        }
        if ((kind == Kind.ERROR) != (error != null)) {
            throw new IllegalArgumentException("error must be given for an ERROR only, but was " + error
                    + " for " + kind);
        }
    }

    public static <T> Loaded<T> store(T value) {
        return new Loaded<>(value, Kind.STORE, null);
    }

    public static <T> Loaded<T> passThrough(T value) {
        return new Loaded<>(value, Kind.PASS_THROUGH, null);
    }

    /** @param error why the value is an error, e.g. {@code origin answered 503} */
    public static <T> Loaded<T> error(T value, String error) {
        return new Loaded<>(value, Kind.ERROR, error);
    }

    /** Whether the value may be stored and shared. */
    public boolean storable() {
        return kind == Kind.STORE;
    }
}
