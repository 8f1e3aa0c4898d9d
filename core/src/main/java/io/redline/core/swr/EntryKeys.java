package io.redline.core.swr;

import io.redline.core.keys.RedlineKeys;

/**
 * The Redis keys of one entry, all in the entry's hash slot.
 *
 * @param entry the envelope: {@code swr:<cache>:{<digest>}}
 * @param lock the load lock: {@code swr:<cache>:{<digest>}:lock}
 * @param pass the hit-for-pass marker: {@code swr:<cache>:{<digest>}:pass}
 */
public record EntryKeys(String entry, String lock, String pass) {

    public static EntryKeys of(RedlineKeys keys, String cache, String cacheKey) {
        String entry = keys.swrEntry(cache, cacheKey);
        return new EntryKeys(entry, entry + ":lock", entry + ":pass");
    }
}
