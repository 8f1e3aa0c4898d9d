package io.redline.core.swr;

/**
 * What a loader fetched, and whether it may be stored and shared.
 *
 * @param value the value
 * @param storable false for what must not be cached (the origin said {@code no-store}, too large, an error page):
 *                 it goes to the caller that loaded it only, and the key is marked so that callers load for
 *                 themselves for one fresh TTL instead of queueing behind each other
 */
public record Loaded<T>(T value, boolean storable) {

    public static <T> Loaded<T> store(T value) {
        return new Loaded<>(value, true);
    }

    public static <T> Loaded<T> passThrough(T value) {
        return new Loaded<>(value, false);
    }
}
