package io.redline.gateway.traffic;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.Managed;
import io.redline.core.logging.ThrottledLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records traffic off the response path: {@link #record} only enqueues; every flush interval the queued events
 * are summed per day and written in one pipelined batch (no MULTI). Daily keys expire after {@link #RETENTION}; a
 * day's page views keep the {@link #MAX_PAGES} most viewed paths.
 */
public final class TrafficRecorder implements Managed {

    public static final Duration RETENTION = Duration.ofDays(40);
    /**
     * The most paths a day's page views keep: the least viewed go first, so that a crawler or a scanner requesting
     * endless distinct paths cannot grow the sorted set without bound.
     */
    public static final int MAX_PAGES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TrafficRecorder.class);
    private static final int MAX_PATH_LENGTH = 200;

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final Clock clock;
    private final ScheduledExecutorService flusher;
    private final Duration interval;
    private final TrafficEvents events;
    private final BlockingQueue<TrafficEvent> queue;
    private final ThrottledLogger failures;

    public TrafficRecorder(RedissonClient redis, RedlineKeys keys, Clock clock, ScheduledExecutorService flusher,
                           Duration interval, int capacity, TrafficEvents events) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        this.flusher = flusher;
        this.interval = interval;
        this.events = events;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.failures = new ThrottledLogger(LOG, Duration.ofSeconds(30), clock);
    }

    /**
     * Notes one answered request; never blocks.
     *
     * @param path the request path, counted as a page view when {@code pageView} is true
     */
    public void record(String client, String path, int status, boolean pageView) {
        String page = pageView ? truncate(path) : null;
        TrafficEvent event = new TrafficEvent(LocalDate.now(clock.withZone(ZoneOffset.UTC)), client, page,
                status >= 500);
        if (!queue.offer(event)) {
            events.dropped(1);
        }
    }

    @Override
    public void start() {
        flusher.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Writes what is still queued. The flusher pool itself is stopped by the process's thread pools. */
    @Override
    public void stop() {
        flushQuietly();
    }

    /** Writes every queued event now; used by {@link #stop()} and by tests. */
    public synchronized void flush() {
        List<TrafficEvent> batch = new ArrayList<>();
        queue.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        Map<LocalDate, DailyTraffic> days = new TreeMap<>();
        batch.forEach(event -> days.computeIfAbsent(event.day(), day -> new DailyTraffic()).add(event));
        RBatch pipeline = redis.createBatch(BatchOptions.defaults().skipResult());
        days.forEach((day, traffic) -> write(pipeline, day, traffic));
        try {
            pipeline.execute();
            events.flushed(batch.size());
        } catch (RuntimeException e) {
            events.dropped(batch.size());
            throw e;
        }
    }

    private void write(RBatch pipeline, LocalDate day, DailyTraffic traffic) {
        String visitors = keys.dailyVisitors(day);
        String pages = keys.dailyPageViews(day);
        String requests = keys.dailyRequests(day);
        String errors = keys.dailyErrors(day);
        pipeline.<String>getHyperLogLog(visitors, RedisCodecs.STRING).addAllAsync(traffic.visitors);
        traffic.pageViews.forEach((path, views) ->
                pipeline.<String>getScoredSortedSet(pages, RedisCodecs.STRING).addScoreAsync(path, views));
        if (!traffic.pageViews.isEmpty()) {
            pipeline.<String>getScoredSortedSet(pages, RedisCodecs.STRING).removeRangeByRankAsync(0, -MAX_PAGES - 1);
        }
        pipeline.getAtomicLong(requests).addAndGetAsync(traffic.requests);
        if (traffic.errors > 0) {
            pipeline.getAtomicLong(errors).addAndGetAsync(traffic.errors);
        }
        for (String key : List.of(visitors, pages, requests, errors)) {
            pipeline.getBucket(key, RedisCodecs.STRING).expireAsync(RETENTION);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            failures.warn("Traffic batch could not be written; its events are lost", e);
        }
    }

    private static String truncate(String path) {
        return path.length() <= MAX_PATH_LENGTH ? path : path.substring(0, MAX_PATH_LENGTH);
    }
}
