package io.redline.core.swr;

import io.redline.core.concurrent.Futures;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.logging.ThrottledLogger;
import io.redline.core.redis.pipeline.AutoPipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stale-while-revalidate cache on Redis, usable on its own: {@code cache.get(key, loader)}.
 *
 * <ul>
 *   <li>Fresh or stale hit: one {@code GET} of one key (the envelope holds value, stored-at and fresh-until; its
 *       Redis TTL is the end of its stale time: the policy's, or the loaded value's own {@link Lifetime}).</li>
 *   <li>Stale hit: returned at once; one caller across all processes refreshes in the background under a
 *       {@link LoadLock}; the loader is given the stale value, and may answer {@link Loaded#notModified}. A
 *       failed refresh keeps the stale value until its stale TTL ends.</li>
 *   <li>Cold miss: concurrent callers of one key, in this process and in others, cause one load; the others wait
 *       for its result, at most the load timeout.</li>
 * </ul>
 *
 * @param <T> the value type, stored by its {@link ValueCodec} as a JSON head and raw bytes ({@code Envelope})
 */
public final class SwrCache<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SwrCache.class);
    private static final long POLL_MILLIS = 25;

    private final RedissonClient redis;
    /** Null: each lookup on a pooled connection of its own. */
    private final AutoPipeline pipeline;
    private final RedlineKeys keys;
    private final SwrSettings settings;
    private final ValueCodec<T> codec;
    private final SwrEvents events;
    private final Clock clock;
    private final DoubleSupplier random;
    private final LoadLock lock;
    private final ConcurrentMap<String, CompletableFuture<Outcome<T>>> loads = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final NearCache<T> near;
    private final Invalidations invalidations;
    /** An origin outage fails every refresh: one line per 30 s says so, with how many more. */
    private final ThrottledLogger refreshFailures;
    /** The same for a Redis outage, which fails every store. */
    private final ThrottledLogger redisFailures;

    public SwrCache(RedissonClient redis, RedlineKeys keys, SwrSettings settings, Class<T> type, SwrEvents events,
                    Clock clock, DoubleSupplier random) {
        this(redis, keys, settings, type, events, clock, random, 0);
    }

    /**
     * @param nearMaxBytes the budget of the in-process near cache of fresh entries; 0 for none. With one, the
     *                     cache subscribes to the invalidation channel ({@link RedlineKeys#swrInvalidations}); call
     *                     {@link #close()} to unsubscribe.
     */
    public SwrCache(RedissonClient redis, RedlineKeys keys, SwrSettings settings, Class<T> type, SwrEvents events,
                    Clock clock, DoubleSupplier random, long nearMaxBytes) {
        this(redis, null, keys, settings, ValueCodec.json(type), events, clock, random, nearMaxBytes);
    }

    /**
     * As {@link #SwrCache(RedissonClient, RedlineKeys, SwrSettings, Class, SwrEvents, Clock, DoubleSupplier, long)},
     * with the lookups of concurrent callers sent together on {@code pipeline}, and the values written by
     * {@code codec} (a JSON head, and raw bytes after it that a hit copies without decoding).
     */
    public SwrCache(RedissonClient redis, AutoPipeline pipeline, RedlineKeys keys, SwrSettings settings,
                    ValueCodec<T> codec, SwrEvents events, Clock clock, DoubleSupplier random, long nearMaxBytes) {
        this.pipeline = pipeline;
        this.near = new NearCache<>(nearMaxBytes, clock, events);
        this.invalidations = new Invalidations(redis, keys.swrInvalidations(settings.name()), near.enabled(),
                near::invalidate);
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
        this.codec = codec;
        this.events = events;
        this.clock = clock;
        this.random = random;
        this.lock = new LoadLock(redis);
        this.refreshFailures = new ThrottledLogger(LOG, Duration.ofSeconds(30), clock);
        this.redisFailures = new ThrottledLogger(LOG, Duration.ofSeconds(30), clock);
    }

    /** The value of {@code key} with the default TTLs; everything the loader returns is stored. */
    public CompletionStage<T> get(String key, Supplier<? extends CompletionStage<T>> loader) {
        return get(key, () -> loader.get().thenApply(Loaded::store), settings.defaultPolicy())
                .thenApply(Cached::value);
    }

    /**
     * The value of {@code key} and how it was served.
     *
     * @param key any text (it is hashed before it reaches Redis)
     * @param loader fetches the value from its origin; says whether the result may be stored
     * @param policy the TTLs of this entry
     */
    public CompletionStage<Cached<T>> get(String key, SwrLoader<T> loader,
                                          SwrPolicy policy) {
        return lookup(key).serve(loader, policy);
    }

    /** As {@link #get(String, SwrLoader, SwrPolicy)}, for a loader that has no use for the previous value. */
    public CompletionStage<Cached<T>> get(String key, Supplier<? extends CompletionStage<Loaded<T>>> loader,
                                          SwrPolicy policy) {
        return get(key, previous -> loader.get(), policy);
    }

    /**
     * Sends the lookup of {@code key} to Redis now, and leaves what to do with its answer for later: a caller that
     * has another independent question for Redis (a rate limiter's decision) sends both before it waits for
     * either. A lookup that is never {@linkplain Lookup#serve served} is simply dropped: nothing is counted,
     * loaded or refreshed for it.
     */
    public Lookup<T> lookup(String key) {
        EntryKeys entry = EntryKeys.of(keys, settings.name(), key);
        Envelope<T> nearby = near.fresh(entry.entry());
        if (nearby != null) {
            return new Lookup<>(this, key, entry, null, nearby);
        }
        CompletionStage<byte[]> reply = pipeline == null
                ? redis.<byte[]>getBucket(entry.entry(), RedisCodecs.BYTES).getAsync()
                : pipeline.call(batch -> batch.<byte[]>getBucket(entry.entry(), RedisCodecs.BYTES).getAsync());
        CompletableFuture<byte[]> read = reply.toCompletableFuture().orTimeout(settings.redisTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return new Lookup<>(this, key, entry, read, null);
    }

    /**
     * A lookup on its way to Redis (see {@link SwrCache#lookup}).
     *
     * @param <T> the cache's value type
     */
    public static final class Lookup<T> {

        private final SwrCache<T> cache;
        private final String key;
        private final EntryKeys entry;
        private final CompletableFuture<byte[]> read;
        private final Envelope<T> nearby;

        /** Either {@code read} (on its way to Redis) or {@code nearby} (a fresh copy of the near cache). */
        private Lookup(SwrCache<T> cache, String key, EntryKeys entry, CompletableFuture<byte[]> read,
                       Envelope<T> nearby) {
            this.cache = cache;
            this.key = key;
            this.entry = entry;
            this.read = read;
            this.nearby = nearby;
        }

        /** As {@link #serve(SwrLoader, SwrPolicy)}, for a loader that has no use for the previous value. */
        public CompletionStage<Cached<T>> serve(Supplier<? extends CompletionStage<Loaded<T>>> loader,
                                                SwrPolicy policy) {
            return serve(previous -> loader.get(), policy);
        }

        /** What {@link SwrCache#get(String, SwrLoader, SwrPolicy)} answers, from this lookup's reply. */
        public CompletionStage<Cached<T>> serve(SwrLoader<T> loader, SwrPolicy policy) {
            if (nearby != null) {
                cache.events.hit();
                return CompletableFuture.completedFuture(nearby.toCached(CacheStatus.HIT));
            }
            return read.thenCompose(bytes -> cache.answer(key, entry, bytes, loader, policy));
        }
    }

    private CompletionStage<Cached<T>> answer(String key, EntryKeys entry, byte[] bytes,
                                              SwrLoader<T> loader,
                                              SwrPolicy policy) {
        Envelope<T> stored = bytes == null ? null : parseOrNull(bytes, key);
        if (stored == null) {
            events.miss();
            return miss(key, entry, loader, policy);
        }
        if (clock.millis() < stored.freshUntil()) {
            events.hit();
            near.keep(entry.entry(), stored, bytes.length);
            return CompletableFuture.completedFuture(stored.toCached(CacheStatus.HIT));
        }
        events.stale();
        refreshInBackground(key, entry, loader, policy, stored.value());
        return CompletableFuture.completedFuture(stored.toCached(CacheStatus.STALE));
    }

    private CompletionStage<Cached<T>> miss(String key, EntryKeys entry,
                                            SwrLoader<T> loader, SwrPolicy policy) {
        CompletableFuture<Outcome<T>> mine = new CompletableFuture<>();
        CompletableFuture<Outcome<T>> running = loads.putIfAbsent(entry.entry(), mine);
        if (running != null) {
            // not shareable (e.g. no-store): the value was for its caller only; this caller loads for itself
            return running.thenCompose(outcome -> outcome.shareable()
                    ? CompletableFuture.completedFuture(outcome.cached()) : loadAlone(loader));
        }
        long deadline = clock.millis() + settings.loadTimeout().toMillis();
        loadOrWait(key, entry, loader, policy, deadline).whenComplete((outcome, error) -> {
            loads.remove(entry.entry(), mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(outcome);
            }
        });
        return mine.thenApply(Outcome::cached);
    }

    /** One round trip per attempt: the entry if another caller stored it, else the lock, else wait a little. */
    private CompletionStage<Outcome<T>> loadOrWait(String key, EntryKeys entry,
                                                   SwrLoader<T> loader,
                                                   SwrPolicy policy, long deadline) {
        return lock.getOrLock(entry, settings.lockTtl()).toCompletableFuture()
                .orTimeout(settings.redisTimeout().toMillis(), TimeUnit.MILLISECONDS).thenCompose(attempt -> {
                    Envelope<T> stored = attempt.claim() == LoadLock.Claim.STORED
                            ? parseOrNull(attempt.envelope(), key) : null;
                    if (stored != null) {
                        return CompletableFuture.completedFuture(new Outcome<>(stored.toCached(CacheStatus.MISS),
                                true));
                    }
                    if (attempt.claim() == LoadLock.Claim.LOCKED) {
                        return loadAndStore(key, entry, loader, policy, attempt.token());
                    }
                    if (attempt.claim() == LoadLock.Claim.PASS) {
                        return loadAlone(loader).thenApply(cached -> new Outcome<>(cached, false));
                    }
                    if (attempt.claim() == LoadLock.Claim.STORED) {
                        // unreadable: nobody will replace it unasked, so load over it as over a stale entry
                        return lock.tryAcquire(entry, settings.lockTtl()).thenCompose(token -> token.isPresent()
                                ? loadAndStore(key, entry, loader, policy, token.get())
                                : waitAndRetry(key, entry, loader, policy, deadline));
                    }
                    return waitAndRetry(key, entry, loader, policy, deadline);
                });
    }

    /** Another caller is loading: ask again a little later, until the load timeout. */
    private CompletionStage<Outcome<T>> waitAndRetry(String key, EntryKeys entry,
                                                     SwrLoader<T> loader,
                                                     SwrPolicy policy, long deadline) {
        if (clock.millis() >= deadline) {
            return CompletableFuture.failedFuture(new CacheLoadTimeoutException("waited "
                    + settings.loadTimeout().toMillis() + " ms for another caller to load \"" + key
                    + "\" into cache " + settings.name()));
        }
        Executor later = CompletableFuture.delayedExecutor(POLL_MILLIS, TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> null, later)
                .thenCompose(ignored -> loadOrWait(key, entry, loader, policy, deadline));
    }

    private CompletionStage<Outcome<T>> loadAndStore(String key, EntryKeys entry,
                                                     SwrLoader<T> loader,
                                                     SwrPolicy policy, String token) {
        return callLoader(loader, Optional.empty())
                .exceptionallyCompose(error -> lock.release(entry, token).handle((released, ignored) -> null)
                        .thenCompose(ignored -> CompletableFuture.<Loaded<T>>failedFuture(Futures.unwrap(error))))
                .thenCompose(loaded -> {
                    long now = clock.millis();
                    if (loaded.kind() == Loaded.Kind.ERROR) {
                        // like a failure, nothing is stored or marked, so the next caller loads again; unlike one,
                        // the callers that waited in this process get the answer too
                        LOG.debug("Load of \"{}\" in cache {} answered an error: {}", key, settings.name(),
                                loaded.error());
                        Cached<T> relayed = new Cached<>(loaded.value(), CacheStatus.MISS, Instant.ofEpochMilli(now),
                                null);
                        return lock.release(entry, token).handle((released, error) -> new Outcome<>(relayed, true));
                    }
                    events.loaded();
                    Timed<T> timed = envelope(loaded, policy, now);
                    boolean kept = loaded.storable() && timed.staleUntil() > now;
                    Cached<T> cached = kept ? timed.envelope().toCached(CacheStatus.MISS)
                            : new Cached<>(loaded.value(), CacheStatus.MISS, Instant.ofEpochMilli(now), null);
                    return store(entry, loaded, timed, policy, token).handle((stored, error) -> {
                        if (error != null) {
                            // the caller still gets its value; the lock expires by itself
                            redisFailures.warn("Could not store a loaded entry in cache " + settings.name(),
                                    Futures.unwrap(error));
                        }
                        return new Outcome<>(cached, loaded.storable());
                    });
                });
    }

    private void refreshInBackground(String key, EntryKeys entry, SwrLoader<T> loader, SwrPolicy policy,
                                     T previous) {
        if (!refreshing.add(entry.entry())) {
            return;
        }
        lock.lockForRefresh(entry, settings.lockTtl()).thenCompose(attempt -> {
            if (attempt.claim() != LoadLock.Claim.LOCKED) {
                return CompletableFuture.completedFuture(null);
            }
            return refreshedMeanwhile(attempt.envelope(), key) ? lock.release(entry, attempt.token())
                    : refresh(key, entry, loader, policy, previous, attempt.token());
        }).whenComplete((ignored, error) -> {
            refreshing.remove(entry.entry());
            if (error != null) {
                redisFailures.warn("Refresh of \"" + key + "\" in cache " + settings.name() + " could not reach Redis",
                        Futures.unwrap(error));
            }
        });
    }

    /** Loads the value again, with the lock held, and stores it; a failed load keeps the stale value. */
    private CompletionStage<Boolean> refresh(String key, EntryKeys entry, SwrLoader<T> loader, SwrPolicy policy,
                                             T previous, String token) {
        return callLoader(loader, Optional.of(previous)).handle((loaded, error) -> {
            String failure = error != null ? String.valueOf(Futures.unwrap(error))
                    : loaded.kind() == Loaded.Kind.ERROR ? loaded.error() : null;
            if (failure != null) {
                events.refreshFailed(failure);
                refreshFailures.warn("Refresh of \"" + key + "\" in cache " + settings.name()
                        + " failed; serving the stale value", failure);
                return lock.release(entry, token);
            }
            if (loaded.kind() == Loaded.Kind.NOT_MODIFIED) {
                events.revalidated();
            } else {
                events.refreshed();
            }
            return store(entry, loaded, envelope(loaded, policy, clock.millis()), policy, token);
        }).thenCompose(released -> released);
    }

    /**
     * Regression: a read that saw the entry stale just before another refresh stored it (in this process or
     * another) started a second refresh as soon as the first released the lock: one origin call too many. The
     * lock comes with the entry as stored when it was taken, and a fresh one is left alone.
     */
    private boolean refreshedMeanwhile(byte[] stored, String key) {
        Envelope<T> envelope = stored == null || stored.length == 0 ? null : parseOrNull(stored, key);
        return envelope != null && clock.millis() < envelope.freshUntil();
    }

    /**
     * The envelope of a value loaded now: produced its age ago, fresh for its jittered fresh time, kept for its
     * jittered stale time (never shorter than its fresh time). Jitter only shortens: an entry is never fresher, or
     * kept longer, than its origin or policy allows.
     */
    private Timed<T> envelope(Loaded<T> loaded, SwrPolicy policy, long now) {
        Lifetime lifetime = loaded.lifetime() != null ? loaded.lifetime() : Lifetime.of(policy);
        long storedAt = now - lifetime.age().toMillis();
        long fresh = jittered(lifetime.fresh(), policy.jitter());
        long stale = Math.max(fresh, jittered(lifetime.stale(), policy.jitter()));
        return new Timed<>(new Envelope<>(loaded.value(), storedAt, storedAt + fresh), storedAt + stale);
    }

    /**
     * Stores the envelope until its stale end, or marks a pass; an envelope already past its stale end (the origin
     * sent it that old) is not stored, and only the lock is released.
     */
    private CompletionStage<Boolean> store(EntryKeys entry, Loaded<T> loaded, Timed<T> timed, SwrPolicy policy,
                                           String token) {
        CompletionStage<Boolean> written;
        long keptMillis = timed.staleUntil() - clock.millis();
        if (!loaded.storable()) {
            written = lock.markPass(entry, policy.fresh(), token);
        } else if (keptMillis < 1) {
            return lock.release(entry, token);
        } else {
            written = lock.store(entry, timed.envelope().toBytes(codec), Duration.ofMillis(keptMillis), token);
        }
        return written.thenApply(done -> {
            if (done) {
                invalidations.announce(entry.entry());
            }
            return done;
        });
    }

    /**
     * Removes the entry of {@code key} (and its pass marker) from Redis, and its copies from the near caches of
     * every process: this one's at once, the others' by the invalidation channel.
     *
     * @return whether an entry was stored
     */
    public CompletionStage<Boolean> purge(String key) {
        EntryKeys entry = EntryKeys.of(keys, settings.name(), key);
        CompletableFuture<Boolean> stored = redis.getBucket(entry.entry()).deleteAsync().toCompletableFuture();
        CompletableFuture<Long> rest = redis.getKeys().deleteAsync(entry.pass(), entry.name()).toCompletableFuture();
        return stored.thenCombine(rest, (existed, ignored) -> {
            purged(entry.entry());
            return existed;
        });
    }

    /**
     * Removes every entry whose cache key starts with {@code prefix}, as {@link #purge} does one; blocks, for an
     * admin endpoint. It finds them by a {@code SCAN} over all the cache's entries (on every master of a Cluster).
     *
     * @param maxScanned the most entries looked at: a bound on the work of one call
     */
    public PurgeResult purgePrefix(String prefix, int maxScanned) {
        String pattern = keys.key("swr:" + settings.name() + ":{*}" + EntryKeys.NAME_SUFFIX);
        return new PrefixPurge(redis, pattern, this::purged).run(prefix, maxScanned);
    }

    private void purged(String entryKey) {
        near.invalidate(entryKey);
        invalidations.announce(entryKey);
    }

    /** The bytes the near cache holds (0 without one). */
    public long nearCacheBytes() {
        return near.weightedBytes();
    }

    /** Stops listening for invalidations (a no-op without a near cache). */
    public void close() {
        invalidations.close();
    }

    /** A load for this caller only (the key is marked not cacheable): nothing is stored, whatever comes back. */
    private CompletionStage<Cached<T>> loadAlone(SwrLoader<T> loader) {
        return callLoader(loader, Optional.empty()).thenApply(loaded -> {
            if (loaded.kind() != Loaded.Kind.ERROR) {
                events.loaded();
            }
            return new Cached<>(loaded.value(), CacheStatus.MISS, Instant.ofEpochMilli(clock.millis()), null);
        });
    }

    private CompletableFuture<Loaded<T>> callLoader(SwrLoader<T> loader, Optional<T> previous) {
        CompletableFuture<Loaded<T>> loading;
        try {
            loading = loader.load(previous).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return loading.orTimeout(settings.loadTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Up to {@code jitter} of the time taken off at random, so that entries written together part. */
    private long jittered(Duration ttl, double jitter) {
        return ttl.toMillis() - (long) (ttl.toMillis() * jitter * random.getAsDouble());
    }

    private Envelope<T> parseOrNull(byte[] bytes, String key) {
        try {
            return Envelope.parse(bytes, codec);
        } catch (IllegalArgumentException e) {
            LOG.warn("Entry of \"{}\" in cache {} is unreadable and will be reloaded: {}", key, settings.name(),
                    e.getMessage());
            return null;
        }
    }

    /** An envelope to store, and when its Redis key is to expire (epoch ms). */
    private record Timed<T>(Envelope<T> envelope, long staleUntil) {
    }

    /** A load's result, and whether callers that waited for it may have it too. */
    private record Outcome<T>(Cached<T> cached, boolean shareable) {
    }
}
