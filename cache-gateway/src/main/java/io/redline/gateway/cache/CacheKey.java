package io.redline.gateway.cache;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The cache key of a request: its path and its query parameters sorted by name, so {@code ?b=1&a=2} =
 * {@code ?a=2&b=1}. Parameters of one name keep their order: {@code ?a=1&a=2} is a list the origin may read in
 * order, and differs from {@code ?a=2&a=1}.
 */
public final class CacheKey {

    /** By name only (the raw text before {@code =}); the sort is stable, so equal names keep their order. */
    private static final Comparator<String> BY_NAME = Comparator.comparing(CacheKey::name);

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
        String[] parameters = Arrays.stream(rawQuery.split("&")).filter(p -> !p.isEmpty()).sorted(BY_NAME)
                .toArray(String[]::new);
        return parameters.length == 0 ? path : path + "?" + String.join("&", parameters);
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }
}
