package io.redline.core.swr;

import io.redline.core.keys.RedlineKeys;

/**
 * The Redis keys of one entry, all in the entry's hash slot.
 *
 * @param entry the envelope: {@code swr:<cache>:{<digest>}}
 * @param lock the load lock: {@code swr:<cache>:{<digest>}:lock}
 * @param pass the hit-for-pass marker: {@code swr:<cache>:{<digest>}:pass}
 * @param name the entry's cache key in clear, stored beside the entry for as long as it lives, so that a purge by
 *             prefix can find the entries of a prefix (the entry's own name holds only a digest):
 *             {@code swr:<cache>:{<digest>}:key}
 * @param cacheKey the cache key the digest was made of
 */
public record EntryKeys(String entry, String lock, String pass, String name, String cacheKey) {

    /** The suffix of {@link #name}. */
    public static final String NAME_SUFFIX = ":key";

    public static EntryKeys of(RedlineKeys keys, String cache, String cacheKey) {
        String entry = keys.swrEntry(cache, cacheKey);
        return new EntryKeys(entry, entry + ":lock", entry + ":pass", entry + NAME_SUFFIX, cacheKey);
    }
}
