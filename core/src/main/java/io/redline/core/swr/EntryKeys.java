package io.redline.core.swr;

import io.redline.core.keys.RedlineKeys;

/**
 * The Redis keys of one entry, all in one hash slot.
 *
 * @param entry the envelope
 * @param lock the load lock
 * @param pass the hit-for-pass marker
 */
public record EntryKeys(String entry, String lock, String pass) {

    public static EntryKeys of(RedlineKeys keys, String cache, String cacheKey) {
        return new EntryKeys(keys.swrEntry(cache, cacheKey), keys.swrLock(cache, cacheKey),
                keys.swrPass(cache, cacheKey));
    }
}
