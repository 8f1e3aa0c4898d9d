package io.redline.gateway.cache;

import java.util.Arrays;

/** The cache key of a request: its path and its query parameters in sorted order, so {@code ?b=1&a=2} = {@code ?a=2&b=1}. */
public final class CacheKey {

    private CacheKey() {
    }

    /**
     * @param path the raw (still encoded) path
     * @param rawQuery the raw query, or {@code null}
     */
    public static String of(String path, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return path;
        }
        String[] parameters = Arrays.stream(rawQuery.split("&")).filter(p -> !p.isEmpty()).sorted()
                .toArray(String[]::new);
        return parameters.length == 0 ? path : path + "?" + String.join("&", parameters);
    }
}
