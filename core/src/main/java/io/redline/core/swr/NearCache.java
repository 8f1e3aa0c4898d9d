package io.redline.core.swr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The in-process copy of fresh entries that an {@link SwrCache} consults before Redis: bounded by bytes (an entry
 * weighs its size as stored in Redis, which bounds its body and headers), and serving an entry only until its
 * {@code freshUntil}. A stale entry is never here, so refresh, stale-while-revalidate and stale-if-error happen in
 * Redis exactly as without it. Stores by any process invalidate the copies of all (see {@link SwrCache}).
 *
 * @param <T> the cache's value type
 */
final class NearCache<T> {

    private final Cache<String, Near<T>> entries;
    private final long maxBytes;
    private final Clock clock;
    private final SwrEvents events;

    /** @param maxBytes the budget; 0 turns the near cache off */
    NearCache(long maxBytes, Clock clock, SwrEvents events) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be 0 (off) or more, but was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.events = events;
        this.entries = maxBytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Near<T> near) -> near.weight())
                .expireAfter(new UntilStale<T>(clock))
                // maintenance on the caller's thread: the budget holds after every put, not eventually
                .executor(Runnable::run)
                .removalListener((String key, Near<T> near, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        events.nearEvicted();
                    }
                })
                .build();
    }

    boolean enabled() {
        return entries != null;
    }

    /** The entry if it is here and still fresh by this process's clock, else {@code null}. */
    Envelope<T> fresh(String entryKey) {
        if (entries == null) {
            return null;
        }
        Near<T> near = entries.getIfPresent(entryKey);
        if (near == null || clock.millis() >= near.envelope().freshUntil()) {
            events.nearMiss();
            return null;
        }
        events.nearHit();
        return near.envelope();
    }

    /** Keeps a fresh entry just read from Redis; a stale one, or one larger than the whole budget, is not kept. */
    void keep(String entryKey, Envelope<T> envelope, int storedSize) {
        if (entries == null || storedSize > maxBytes || clock.millis() >= envelope.freshUntil()) {
            return;
        }
        entries.put(entryKey, new Near<>(envelope, storedSize));
    }

    /** Another process (or this one) stored or dropped the entry: the copy here is out of date. */
    void invalidate(String entryKey) {
        if (entries != null && entries.asMap().remove(entryKey) != null) {
            events.nearInvalidated();
        }
    }

    /** The bytes held, by the weights of the entries. */
    long weightedBytes() {
        return entries == null ? 0 : entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    private record Near<T>(Envelope<T> envelope, int weight) {
    }

    /** Each entry expires at its own freshUntil, so that memory is given back when it could no longer be served. */
    private static final class UntilStale<T> implements Expiry<String, Near<T>> {

        private final Clock clock;

        UntilStale(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long expireAfterCreate(String key, Near<T> near, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, near.envelope().freshUntil() - clock.millis()));
        }

        @Override
        public long expireAfterUpdate(String key, Near<T> near, long currentTime, long currentDuration) {
            return expireAfterCreate(key, near, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Near<T> near, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
