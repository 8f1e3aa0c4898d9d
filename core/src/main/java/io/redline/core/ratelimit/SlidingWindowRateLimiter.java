package io.redline.core.ratelimit;

import io.redline.core.concurrent.Futures;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.logging.ThrottledLogger;
import io.redline.core.redis.RedisScript;
import io.redline.core.redis.pipeline.AutoPipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.slf4j.LoggerFactory;

/**
 * A sliding-window log rate limiter: per identity one sorted set per limit, all in one hash slot, decided by one
 * Lua script in one round trip with Redis's clock. Only allowed requests are recorded, so memory per key is
 * bounded by its limit and a client that keeps hammering regains access as soon as its old requests age out.
 */
public final class SlidingWindowRateLimiter {

    private static final RedisScript SCRIPT = RedisScript.fromResource(SlidingWindowRateLimiter.class,
            "sliding_window.lua");
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final RedissonClient redis;
    /** Null: each decision on a pooled connection of its own. */
    private final AutoPipeline pipeline;
    private final BatchedDecisions batchedDecisions;
    private final RedlineKeys keys;
    private final RateLimiterSettings settings;
    private final RateLimiterEvents events;
    private final Clock clock;
    private final ThrottledLogger unavailable;
    private final String instanceId = UUID.randomUUID().toString().substring(0, 13);
    /** The limits as the script reads them, built once: "limit window-micros limit window-micros ...". */
    private final String limitSpec;
    private final AtomicLong requests = new AtomicLong();

    public SlidingWindowRateLimiter(RedissonClient redis, RedlineKeys keys, RateLimiterSettings settings,
                                    RateLimiterEvents events, Clock clock) {
        this(redis, null, keys, settings, events, clock);
    }

    /**
     * @param pipeline carries the decisions of concurrent callers together (a gateway's many requests in flight)
     */
    public SlidingWindowRateLimiter(RedissonClient redis, AutoPipeline pipeline, RedlineKeys keys,
                                    RateLimiterSettings settings, RateLimiterEvents events, Clock clock) {
        this.redis = redis;
        this.pipeline = pipeline;
        this.keys = keys;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        StringBuilder spec = new StringBuilder();
        for (RateLimit limit : settings.limits()) {
            spec.append(spec.length() == 0 ? "" : " ").append(limit.limit()).append(' ')
                    .append(TimeUnit.MILLISECONDS.toMicros(limit.window().toMillis()));
        }
        this.limitSpec = spec.toString();
        this.batchedDecisions = new BatchedDecisions(SCRIPT.sha(), limitSpec, settings.limits().size(),
                redis.getConfig().isClusterConfig());
        this.unavailable = new ThrottledLogger(LoggerFactory.getLogger(SlidingWindowRateLimiter.class),
                Duration.ofSeconds(30), clock);
    }

    public CompletionStage<RateLimitDecision> acquire(String identity) {
        return acquire(identity, 1);
    }

    /**
     * Decides whether a request of {@code weight} units from {@code identity} may go on, and records it if so.
     *
     * @throws io.redline.core.keys.InvalidKeyPartException if the identity is not a valid key part
     * @throws IllegalArgumentException if the weight is below 1 or above the smallest limit (it could never pass)
     */
    public CompletionStage<RateLimitDecision> acquire(String identity, int weight) {
        if (weight < 1 || weight > settings.smallestLimit()) {
            throw new IllegalArgumentException("weight must be from 1 to " + settings.smallestLimit() + ", but was "
                    + weight);
        }
        List<Object> limitKeys = new ArrayList<>(settings.limits().size());
        for (RateLimit limit : settings.limits()) {
            limitKeys.add(keys.rateLimit(settings.scope(), identity, limit.window()));
        }
        String id = instanceId + ":" + requests.incrementAndGet();
        CompletionStage<List<Object>> sent = pipeline == null
                ? SCRIPT.call(redis, RScript.Mode.READ_WRITE, RScript.ReturnType.LIST, limitKeys, limitSpec,
                        String.valueOf(weight), id)
                : batched(new BatchedDecisions.Question(limitKeys, String.valueOf(weight), id));
        return sent.toCompletableFuture()
                .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, error) -> error == null ? decide(reply, weight) : degraded(error));
    }

    /** Sent with the other decisions waiting in the pipeline; an unknown script is loaded and asked once more. */
    private CompletionStage<List<Object>> batched(BatchedDecisions.Question question) {
        return pipeline.call(batchedDecisions, question).exceptionallyCompose(error -> {
            if (!(Futures.unwrap(error) instanceof RedisNoScriptException)) {
                return CompletableFuture.failedFuture(Futures.unwrap(error));
            }
            return SCRIPT.load(redis).thenCompose(loaded -> pipeline.call(batchedDecisions, question));
        });
    }

    /** {@code reply}: {@code [now, allowed, then per limit: count, frees]}. */
    private RateLimitDecision decide(List<Object> reply, int weight) {
        long now = (Long) reply.get(0);
        boolean allowed = ((Long) reply.get(1)) == 1L;
        RateLimitDecision reported = null;
        for (int i = 0; i < settings.limits().size(); i++) {
            RateLimit limit = settings.limits().get(i);
            long count = (Long) reply.get(2 + 2 * i);
            long frees = (Long) reply.get(3 + 2 * i);
            boolean blocks = !allowed && count + weight > limit.limit();
            RateLimitDecision candidate = new RateLimitDecision(allowed, limit.limit(),
                    (int) Math.max(0, limit.limit() - count), ceilSeconds(frees),
                    blocks ? Math.max(1, ceilSeconds(frees - now)) : 0, false);
            if (reported == null || moreRestrictive(candidate, reported)) {
                reported = candidate;
            }
        }
        if (allowed) {
            events.allowed();
        } else {
            events.denied();
        }
        return reported;
    }

    /** A denying limit with the longest wait wins; else the one with the fewest units left. */
    private static boolean moreRestrictive(RateLimitDecision candidate, RateLimitDecision current) {
        if (candidate.retryAfterSeconds() != current.retryAfterSeconds()) {
            return candidate.retryAfterSeconds() > current.retryAfterSeconds();
        }
        return candidate.remaining() < current.remaining();
    }

    private RateLimitDecision degraded(Throwable error) {
        FailMode mode = settings.failMode();
        events.redisUnavailable(mode);
        unavailable.warn("Rate limiter could not ask Redis; failing " + mode.name().toLowerCase(Locale.ROOT),
                error);
        RateLimit first = settings.limits().get(0);
        long reset = ceilSeconds(TimeUnit.MILLISECONDS.toMicros(clock.millis() + first.window().toMillis()));
        return mode == FailMode.OPEN
                ? new RateLimitDecision(true, first.limit(), first.limit(), reset, 0, true)
                : new RateLimitDecision(false, first.limit(), 0, reset, 1, true);
    }

    private static long ceilSeconds(long micros) {
        return Math.floorDiv(micros + MICROS_PER_SECOND - 1, MICROS_PER_SECOND);
    }
}
