package io.redline.core.swr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.json.RedisCodecs;
import io.redline.core.redis.RedissonConfigs;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.testkit.TestClock;
import java.time.Clock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

class SwrCacheTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final SwrPolicy POLICY = new SwrPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 0);

    private final TestClock clock = TestClock.now();
    private final CountingOrigin origin = new CountingOrigin();

    @Test
    void aColdKeyIsAMissThenAHitThenStaleAndRefreshedInTheBackground() {
        SwrCache<String> cache = cache("transitions", clock);
        assertEquals(CacheStatus.MISS, get(cache, "k").status());
        assertEquals(1, origin.calls.get());

        clock.advance(Duration.ofSeconds(9));
        Cached<String> hit = get(cache, "k");
        assertEquals(CacheStatus.HIT, hit.status());
        assertEquals("value-1", hit.value());

        clock.advance(Duration.ofSeconds(2));
        Cached<String> stale = get(cache, "k");
        assertEquals(CacheStatus.STALE, stale.status());
        assertEquals("value-1", stale.value(), "the stale value is served at once");
        Awaits.await().until(() -> get(cache, "k").status() == CacheStatus.HIT);
        assertEquals("value-2", get(cache, "k").value());
        assertEquals(2, origin.calls.get());
    }

    @Test
    void aStaleHitDoesNotWaitForTheOrigin() {
        SwrCache<String> cache = cache("slow-origin", clock);
        get(cache, "k");
        clock.advance(Duration.ofSeconds(11));
        origin.delay = Duration.ofSeconds(2);
        long start = System.nanoTime();
        Cached<String> stale = get(cache, "k");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(CacheStatus.STALE, stale.status());
        assertTrue(millis < 500, "a stale hit took " + millis + " ms while the origin takes 2000 ms");
        Awaits.await().until(() -> "value-2".equals(get(cache, "k").value()));
    }

    @Test
    void twoHundredConcurrentCallersOfAColdKeyOnThreeInstancesCauseOneOriginCall() {
        origin.delay = Duration.ofMillis(300);
        List<RedissonClient> clients = new ArrayList<>();
        try {
            List<SwrCache<String>> caches = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RedissonClient client = Redisson.create(RedissonConfigs.create(REDIS.settings(), "swr-" + i));
                clients.add(client);
                caches.add(new SwrCache<>(client, REDIS.keys(), settings("stampede"), String.class, SwrEvents.NONE,
                        Clock.systemUTC(), () -> 0));
            }
            List<CompletableFuture<Cached<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(caches.get(i % 3).get("cold", origin, POLICY).toCompletableFuture());
            }
            for (CompletableFuture<Cached<String>> call : calls) {
                assertEquals("value-1", call.join().value());
            }
            assertEquals(1, origin.calls.get());
        } finally {
            clients.forEach(RedissonClient::shutdown);
        }
    }

    @Test
    void aFailedRefreshKeepsServingTheStaleValue() {
        List<String> failures = new CopyOnWriteArrayList<>();
        SwrCache<String> cache = recordingRefreshFailures("stale-if-error", failures);
        get(cache, "k");
        clock.advance(Duration.ofSeconds(11));
        origin.failing = true;
        assertEquals("value-1", get(cache, "k").value());
        Awaits.await().until(() -> failures.size() == 1);
        assertEquals("java.lang.IllegalStateException: origin down", failures.get(0));
        Cached<String> again = get(cache, "k");
        assertEquals(CacheStatus.STALE, again.status());
        assertEquals("value-1", again.value());
    }

    @Test
    void aColdLoadThatFailsReachesTheCallerAndReleasesTheLock() {
        SwrCache<String> cache = cache("cold-failure", clock);
        origin.failing = true;
        CompletionException error = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> get(cache, "k"));
        assertEquals("origin down", error.getCause().getMessage());
        origin.failing = false;
        assertEquals(CacheStatus.MISS, get(cache, "k").status(), "the next caller takes the lock and loads");
    }

    @Test
    void aLockHeldByADeadOwnerExpiresAndTheNextCallerLoads() {
        SwrCache<String> cache = cache("dead-owner", clock);
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "dead-owner", "k");
        new LoadLock(REDIS.client()).tryAcquire(keys, Duration.ofMillis(600)).toCompletableFuture().join();
        long start = System.nanoTime();
        assertEquals("value-1", get(cache, "k").value());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 400 && millis < 3_000, "loaded after the dead owner's lock expired: " + millis + " ms");
        assertEquals(1, origin.calls.get());
    }

    @Test
    void waitingForAnotherLoaderIsBoundedAndEndsWithAClearError() {
        SwrSettings settings = new SwrSettings("bounded", POLICY, Duration.ofMillis(300));
        SwrCache<String> cache = new SwrCache<>(REDIS.client(), REDIS.keys(), settings, String.class,
                SwrEvents.NONE, Clock.systemUTC(), () -> 0);
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "bounded", "/slow?x=1");
        new LoadLock(REDIS.client()).tryAcquire(keys, Duration.ofSeconds(30)).toCompletableFuture().join();
        CompletionException error = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> cache.get("/slow?x=1", origin, POLICY).toCompletableFuture().join());
        assertEquals("waited 300 ms for another caller to load \"/slow?x=1\" into cache bounded",
                error.getCause().getMessage());
        assertEquals(0, origin.calls.get());
    }

    @Test
    void anUnreadableEntryIsReloadedInsteadOfWaitedOnUntilTheLoadTimeout() {
        SwrSettings settings = new SwrSettings("unreadable", POLICY, Duration.ofMillis(500));
        SwrCache<String> cache = new SwrCache<>(REDIS.client(), REDIS.keys(), settings, String.class,
                SwrEvents.NONE, Clock.systemUTC(), () -> 0);
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "unreadable", "k");
        REDIS.client().getBucket(keys.entry(), RedisCodecs.STRING).set("not an envelope");
        Cached<String> reloaded = get(cache, "k");
        assertEquals("value-1", reloaded.value());
        assertEquals(CacheStatus.MISS, reloaded.status());
        assertEquals(CacheStatus.HIT, get(cache, "k").status(), "the unreadable entry was replaced");
        assertEquals(1, origin.calls.get());
    }

    @Test
    void theLockIsReleasedOnlyByItsOwner() {
        LoadLock lock = new LoadLock(REDIS.client());
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "owner", "k");
        String token = lock.tryAcquire(keys, Duration.ofSeconds(30)).toCompletableFuture().join().orElseThrow();
        assertTrue(lock.tryAcquire(keys, Duration.ofSeconds(30)).toCompletableFuture().join().isEmpty());
        assertEquals(false, lock.release(keys, "someone-else").toCompletableFuture().join());
        assertEquals(token, REDIS.client().getBucket(keys.lock(), RedisCodecs.STRING).get());
        assertEquals(true, lock.release(keys, token).toCompletableFuture().join());
        assertNull(REDIS.client().getBucket(keys.lock(), RedisCodecs.STRING).get());
    }

    @Test
    void whatMustNotBeStoredGoesToItsCallerOnlyAndLaterCallersLoadForThemselves() {
        SwrCache<String> cache = cache("pass", clock);
        Supplier<CompletionStage<Loaded<String>>> private0 = () -> CompletableFuture.completedFuture(
                Loaded.passThrough("private-" + origin.calls.incrementAndGet()));
        assertEquals("private-1", cache.get("me", private0, POLICY).toCompletableFuture().join().value());
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "pass", "me");
        assertNull(REDIS.client().getBucket(keys.entry(), RedisCodecs.STRING).get());
        assertEquals("1", REDIS.client().getBucket(keys.pass(), RedisCodecs.STRING).get());
        assertEquals("private-2", cache.get("me", private0, POLICY).toCompletableFuture().join().value());
    }

    /**
     * Regression (seen once as a flaky {@code aColdKeyIsAMissThenAHitThenStaleAndRefreshedInTheBackground}): a read
     * that saw the entry stale just before another refresh stored it started a second refresh once the first had
     * released the lock.
     */
    @Test
    void aStaleReadOvertakenByAnotherInstancesRefreshStartsNoSecondRefresh() {
        SwrCache<String> first = cache("overtaken", clock);
        SwrCache<String> second = cache("overtaken", clock);
        assertEquals("value-1", get(first, "k").value());
        clock.advance(Duration.ofSeconds(11));
        // the second instance's read leaves now, while the entry is stale; its answer is used only later
        SwrCache.Lookup<String> late = second.lookup("k");
        assertEquals(CacheStatus.STALE, get(first, "k").status());
        Awaits.await().until(() -> "value-2".equals(get(first, "k").value()));

        Cached<String> served = late.serve(origin, POLICY).toCompletableFuture().join();
        assertEquals(CacheStatus.STALE, served.status(), "the late read saw the entry stale");
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "overtaken", "k");
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> origin.calls.get() == 2 && REDIS.client().getKeys().countExists(keys.lock()) == 0);
        assertEquals("value-2", get(second, "k").value());
    }

    @Test
    void anErrorAnswerGoesToItsCallerWithNothingStoredOrMarkedAndTheNextCallerLoadsAgain() {
        SwrCache<String> cache = cache("error", clock);
        Supplier<CompletionStage<Loaded<String>>> failing = () -> CompletableFuture.completedFuture(
                Loaded.error("error-" + origin.calls.incrementAndGet(), "origin answered 503"));
        Cached<String> relayed = cache.get("k", failing, POLICY).toCompletableFuture().join();
        assertEquals("error-1", relayed.value());
        assertEquals(CacheStatus.MISS, relayed.status());
        assertEquals(false, relayed.stored());
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "error", "k");
        assertEquals(0, REDIS.client().getKeys().countExists(keys.entry(), keys.lock(), keys.pass()),
                "no entry, no pass marker, and the lock released");
        assertEquals("error-2", cache.get("k", failing, POLICY).toCompletableFuture().join().value());
    }

    @Test
    void aRefreshThatLoadsAnErrorFailsAndKeepsServingTheStaleValue() {
        List<String> failures = new CopyOnWriteArrayList<>();
        SwrCache<String> cache = recordingRefreshFailures("refresh-error", failures);
        get(cache, "k");
        clock.advance(Duration.ofSeconds(11));
        Supplier<CompletionStage<Loaded<String>>> failing = () -> CompletableFuture.completedFuture(
                Loaded.error("error page", "origin answered 503"));
        assertEquals("value-1", cache.get("k", failing, POLICY).toCompletableFuture().join().value());
        Awaits.await().until(() -> failures.size() == 1);
        assertEquals(List.of("origin answered 503"), failures);
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "refresh-error", "k");
        Awaits.await().until(() -> REDIS.client().getKeys().countExists(keys.lock()) == 0);
        Cached<String> again = get(cache, "k");
        assertEquals(CacheStatus.STALE, again.status());
        assertEquals("value-1", again.value());
    }

    @Test
    void aLoadedErrorMustSayWhyAndOnlyAnErrorMay() {
        IllegalArgumentException withoutReason = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new Loaded<>("page", Loaded.Kind.ERROR, null));
        assertEquals("error must be given for an ERROR only, but was null for ERROR", withoutReason.getMessage());
        IllegalArgumentException storedWithReason = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new Loaded<>("page", Loaded.Kind.STORE, "why"));
        assertEquals("error must be given for an ERROR only, but was why for STORE", storedWithReason.getMessage());
    }

    @Test
    void aReplyCodeThatGetOrLockDoesNotHaveIsRefusedWithTheKnownOnes() {
        IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> LoadLock.Claim.of(7));
        assertEquals("get_or_lock.lua replied with code 7, which is none of [BUSY, LOCKED, PASS, STORED]",
                error.getMessage());
        assertEquals(LoadLock.Claim.STORED, LoadLock.Claim.of(3));
    }

    @Test
    void theEntryIsALengthPrefixedJsonHeadWithItsTimesAndJitterOnlyShortensBothTtls() throws Exception {
        // regression: jitter used to be added, so an entry of a 60 s TTL was fresh for up to 63 s (Cache-Status ttl=61)
        SwrCache<String> cache = new SwrCache<>(REDIS.client(), REDIS.keys(), settings("format"), String.class,
                SwrEvents.NONE, clock, () -> 1.0);
        cache.get("k", origin, new SwrPolicy(Duration.ofSeconds(10), Duration.ofSeconds(100), 0.05))
                .toCompletableFuture().join();
        String entryKey = EntryKeys.of(REDIS.keys(), "format", "k").entry();
        byte[] stored = REDIS.client().<byte[]>getBucket(entryKey, RedisCodecs.BYTES).get();
        int headLength = ByteBuffer.wrap(stored).getInt();
        assertEquals(stored.length, 4 + headLength, "a String value has no raw bytes after its head");
        JsonNode envelope = Json.mapper().readTree(new String(stored, 4, headLength, StandardCharsets.UTF_8));
        assertEquals("value-1", envelope.get("value").asText());
        assertEquals(clock.millis(), envelope.get("storedAt").asLong());
        assertEquals(clock.millis() + 9_500, envelope.get("freshUntil").asLong(), "fresh TTL - 5 % jitter");
        long ttl = REDIS.client().getBucket(entryKey).remainTimeToLive();
        assertTrue(ttl > 90_000 && ttl <= 95_000, "stale TTL - 5 % jitter, was " + ttl);
    }

    /** Regression guard for the change of format: a JSON entry of an earlier version is loaded again, not served. */
    @Test
    void anEntryOfTheEarlierJsonFormatIsLoadedAgainAndStoredInTheNewOne() throws Exception {
        SwrCache<String> cache = cache("earlier", clock);
        String entryKey = EntryKeys.of(REDIS.keys(), "earlier", "k").entry();
        REDIS.client().getBucket(entryKey, RedisCodecs.STRING).set("{\"value\":\"old\",\"storedAt\":"
                + clock.millis() + ",\"freshUntil\":" + (clock.millis() + 60_000) + "}");
        Cached<String> first = get(cache, "k");
        assertEquals("value-1", first.value());
        assertEquals(CacheStatus.MISS, first.status());
        byte[] stored = REDIS.client().<byte[]>getBucket(entryKey, RedisCodecs.BYTES).get();
        assertNotEquals('{', stored[0], "stored again in the new format");
    }

    @Test
    void aLoadedLifetimeSetsTheEntrysOwnTimesCountedFromItsAge() throws Exception {
        SwrCache<String> cache = cache("lifetime", clock);
        Lifetime lifetime = new Lifetime(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(200));
        Cached<String> loaded = cache.get("k", () -> CompletableFuture.completedFuture(Loaded.store("v", lifetime)),
                POLICY).toCompletableFuture().join();
        assertEquals(clock.instant().minusSeconds(5), loaded.storedAt(), "produced 5 s ago");
        assertEquals(clock.instant().plusSeconds(25), loaded.freshUntil());
        long ttl = REDIS.client().getBucket(EntryKeys.of(REDIS.keys(), "lifetime", "k").entry()).remainTimeToLive();
        assertTrue(ttl > 190_000 && ttl <= 195_000, "kept until 200 s after it was produced, was " + ttl);
        clock.advance(Duration.ofSeconds(24));
        assertEquals(CacheStatus.HIT, get(cache, "k").status());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(CacheStatus.STALE, get(cache, "k").status());
    }

    @Test
    void aValueOlderThanItsWholeLifetimeGoesToItsCallerAndIsNotStored() {
        SwrCache<String> cache = cache("too-old", clock);
        Lifetime lifetime = new Lifetime(Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofSeconds(60));
        Cached<String> loaded = cache.get("k", () -> CompletableFuture.completedFuture(Loaded.store("old", lifetime)),
                POLICY).toCompletableFuture().join();
        assertEquals("old", loaded.value());
        assertEquals(false, loaded.stored());
        EntryKeys keys = EntryKeys.of(REDIS.keys(), "too-old", "k");
        assertEquals(0, REDIS.client().getKeys().countExists(keys.entry(), keys.lock(), keys.pass()));
    }

    @Test
    void aRefreshIsGivenTheStaleValueAndANotModifiedAnswerStoresItAgainWithNewTimes() {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger revalidated = new AtomicInteger();
        SwrCache<String> cache = new SwrCache<>(REDIS.client(), REDIS.keys(), settings("revalidate"), String.class,
                new SwrEvents() {
                    @Override
                    public void revalidated() {
                        revalidated.incrementAndGet();
                    }
                }, clock, () -> 0);
        SwrLoader<String> loader = previous -> {
            seen.add(previous.orElse("(none)"));
            return CompletableFuture.completedFuture(previous.isPresent()
                    ? Loaded.notModified(previous.get() + "+checked", null) : Loaded.store("v1"));
        };
        assertEquals("v1", cache.get("k", loader, POLICY).toCompletableFuture().join().value());
        clock.advance(Duration.ofSeconds(11));
        assertEquals(CacheStatus.STALE, cache.get("k", loader, POLICY).toCompletableFuture().join().status());
        Awaits.await().until(() -> revalidated.get() == 1);
        // the event comes with the loader's answer; the store that ends the refresh may land a moment later
        Cached<String> extended = Awaits.await().until(() -> cache.get("k", loader, POLICY).toCompletableFuture()
                .join(), cached -> cached.status() == CacheStatus.HIT);
        assertEquals("v1+checked", extended.value());
        assertEquals(clock.instant().plusSeconds(10), extended.freshUntil());
        assertEquals(List.of("(none)", "v1"), seen);
    }

    @Test
    void aLifetimeIsGivenForStoredValuesOnly() {
        Lifetime lifetime = new Lifetime(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new Loaded<>("page", Loaded.Kind.PASS_THROUGH, null, lifetime));
        assertEquals("lifetime must be given for a STORE or NOT_MODIFIED only, but was " + lifetime
                + " for PASS_THROUGH", error.getMessage());
        IllegalArgumentException shorter = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new Lifetime(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertEquals("stale must be >= fresh (PT2S), but was PT1S", shorter.getMessage());
    }

    @Test
    void theConvenienceGetStoresAndReturnsTheValue() {
        SwrCache<String> cache = cache("plain", clock);
        assertEquals("value-1", cache.get("k", () -> origin.get().thenApply(Loaded::value)).toCompletableFuture()
                .join());
        assertEquals("value-1", cache.get("k", () -> origin.get().thenApply(Loaded::value)).toCompletableFuture()
                .join());
        assertEquals(1, origin.calls.get());
    }

    private SwrCache<String> cache(String name, Clock clock) {
        return new SwrCache<>(REDIS.client(), REDIS.keys(), settings(name), String.class, SwrEvents.NONE, clock,
                () -> 0);
    }

    private Cached<String> get(SwrCache<String> cache, String key) {
        return cache.get(key, origin, POLICY).toCompletableFuture().join();
    }

    static SwrSettings settings(String name) {
        return new SwrSettings(name, POLICY, Duration.ofSeconds(10));
    }

    /** An origin that numbers its answers, and can be slow or down. */
    static final class CountingOrigin implements Supplier<CompletionStage<Loaded<String>>> {

        final AtomicInteger calls = new AtomicInteger();
        volatile Duration delay = Duration.ZERO;
        volatile boolean failing;

        @Override
        public CompletionStage<Loaded<String>> get() {
            int call = calls.incrementAndGet();
            if (failing) {
                return CompletableFuture.failedFuture(new IllegalStateException("origin down"));
            }
            return CompletableFuture.supplyAsync(() -> Loaded.store("value-" + call),
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** A cache whose failed refreshes are noted in {@code failures}. */
    private SwrCache<String> recordingRefreshFailures(String name, List<String> failures) {
        return new SwrCache<>(REDIS.client(), REDIS.keys(), settings(name), String.class, new SwrEvents() {
            @Override
            public void refreshFailed(String reason) {
                failures.add(reason);
            }
        }, clock, () -> 0);
    }
}
