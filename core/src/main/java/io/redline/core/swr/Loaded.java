package io.redline.core.swr;

/**
 * What a loader fetched, and what the cache may do with it.
 *
 * @param value the value
 * @param kind whether it is stored, passed through, or relayed as an error
 * @param error why the value is an error, for logs: set for {@link Kind#ERROR} only, else {@code null}
 * @param lifetime the value's own times, for {@link Kind#STORE} and {@link Kind#NOT_MODIFIED}; {@code null} for the
 *                 call's {@link SwrPolicy}
 */
public record Loaded<T>(T value, Kind kind, String error, Lifetime lifetime) {

    /** What the cache does with a loaded value. */
    public enum Kind {
        /** Stored and shared. */
        STORE,
        /**
         * The origin confirmed that the previous value (given to the loader by a refresh) is unchanged: the value,
         * the previous one with its metadata brought up to date, is stored again with new times, as a
         * {@link #STORE} is; counted as {@link SwrEvents#revalidated()} instead of a refresh.
         */
        NOT_MODIFIED,
        /**
         * Must not be cached (the origin said {@code no-store}, too large...): it goes to the caller that loaded it
         * only, and the key is marked so that callers load for themselves for one fresh TTL instead of queueing
         * behind each other. A refresh that loads one deletes the stored value.
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
        if (lifetime != null && !(kind == Kind.STORE || kind == Kind.NOT_MODIFIED)) {
            throw new IllegalArgumentException("lifetime must be given for a STORE or NOT_MODIFIED only, but was "
                    + lifetime + " for " + kind);
        }
    }

    public Loaded(T value, Kind kind, String error) {
        this(value, kind, error, null);
    }

    /** A value to store for the call's policy. */
    public static <T> Loaded<T> store(T value) {
        return new Loaded<>(value, Kind.STORE, null, null);
    }

    /** A value to store for its own times. */
    public static <T> Loaded<T> store(T value, Lifetime lifetime) {
        return new Loaded<>(value, Kind.STORE, null, lifetime);
    }

    /**
     * The previous value is unchanged.
     *
     * @param value the previous value, with its metadata updated from the origin's confirmation
     * @param lifetime its new times; {@code null} for the call's policy
     */
    public static <T> Loaded<T> notModified(T value, Lifetime lifetime) {
        return new Loaded<>(value, Kind.NOT_MODIFIED, null, lifetime);
    }

    public static <T> Loaded<T> passThrough(T value) {
        return new Loaded<>(value, Kind.PASS_THROUGH, null, null);
    }

    /** @param error why the value is an error, e.g. {@code origin answered 503} */
    public static <T> Loaded<T> error(T value, String error) {
        return new Loaded<>(value, Kind.ERROR, error, null);
    }

    /** Whether the value may be stored and shared. */
    public boolean storable() {
        return kind == Kind.STORE || kind == Kind.NOT_MODIFIED;
    }
}
