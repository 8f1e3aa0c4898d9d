package io.redline.events.consumer;

import io.redline.core.keys.RedlineKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.redline.core.redis.RedisScript;
import io.redline.core.redis.ReplicaWait;
import io.redline.core.tracing.Tracing;
import io.redline.events.deadletter.DeadLetter;
import io.redline.events.deadletter.DeadLetters;
import io.redline.events.effects.BatchEffects;
import io.redline.events.effects.EffectResults;
import io.redline.events.effects.EntryEffects;
import io.redline.events.effects.EventHandler;
import io.redline.events.effects.OrderEffects;
import io.redline.events.event.EventParser;
import io.redline.events.event.OrderEvent;
import io.redline.events.event.PoisonEventException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Processes a batch of entries: their effects ({@link BatchEffects}), then the dead letters (poison, and what Redis
 * refused), then one {@code XACK} for every entry whose effects are stored or that is in the dead letters. An
 * entry whose handler fails, or whose effects fail for a reason that may pass, stays pending: the reaper retries
 * it, then dead-letters it after {@code MAX_DELIVERIES}.
 */
public final class EntryProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(EntryProcessor.class);
    /** The MDC key of the stream entry being handled (see docs/configuration.md, "Logs"). */
    static final String EVENT_ID = "event_id";

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final EventHandler handler;
    private final DeadLetters deadLetters;
    private final WorkerEvents events;
    private final Clock clock;
    private final EntrySpans spans;
    private final BatchEffects effects;

    public EntryProcessor(RedissonClient redis, RedlineKeys keys, EventHandler handler, DeadLetters deadLetters,
                          WorkerEvents events, Clock clock) {
        this(redis, keys, handler, deadLetters, events, clock, Tracing.off(), ReplicaWait.NONE);
    }

    /**
     * @param tracing makes a span per entry processed ({@link EntrySpans})
     * @param replicas what the masters of an entry's effects must confirm before it is acknowledged
     */
    public EntryProcessor(RedissonClient redis, RedlineKeys keys, EventHandler handler, DeadLetters deadLetters,
                          WorkerEvents events, Clock clock, Tracing tracing, ReplicaWait replicas) {
        this.spans = new EntrySpans(tracing, keys.eventStream());
        this.effects = new BatchEffects(redis, keys, clock, replicas);
        this.redis = redis;
        this.keys = keys;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.events = events;
        this.clock = clock;
    }

    /** Loads the scripts sent by SHA on every master, so that the first batches need no second attempt. */
    public void loadScripts() {
        List<RedisScript> scripts = new ArrayList<>(OrderEffects.scripts());
        scripts.addAll(DeadLetters.scripts());
        CompletableFuture.allOf(scripts.stream().map(script -> script.load(redis).toCompletableFuture())
                .toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Called as soon as the entries were read (or claimed): the processing delay of each event is measured from
     * the call to the {@code XACK} of its batch.
     *
     * @param deliveries how often each entry has been delivered (1 for a first read)
     * @return how many entries were acknowledged
     */
    public int process(Map<StreamMessageId, Map<String, String>> entries, String consumer,
                       Map<StreamMessageId, Long> deliveries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Map<StreamMessageId, Span> traced = new LinkedHashMap<>();
        try {
            return process(entries, consumer, deliveries, traced);
        } finally {
            // what the batch did not settle (a failure of Redis midway) stays pending
            traced.values().forEach(span -> EntrySpans.end(span, EntrySpans.Outcome.PENDING, "not settled"));
        }
    }

    /** @param traced each entry's span, removed from it once ended */
    private int process(Map<StreamMessageId, Map<String, String>> entries, String consumer,
                        Map<StreamMessageId, Long> deliveries, Map<StreamMessageId, Span> traced) {
        long read = clock.millis();
        Set<StreamMessageId> done = new LinkedHashSet<>();
        Map<StreamMessageId, OrderEvent> parsed = new LinkedHashMap<>();
        Map<StreamMessageId, EntryEffects> effects = new LinkedHashMap<>();
        Map<StreamMessageId, DeadLetter> dead = new LinkedHashMap<>();
        Map<StreamMessageId, String> problems = new LinkedHashMap<>();
        int failures = 0;
        for (Map.Entry<StreamMessageId, Map<String, String>> entry : entries.entrySet()) {
            StreamMessageId id = entry.getKey();
            Map<String, String> fields = entry.getValue();
            if (fields == null || fields.isEmpty()) {
                // deleted from the stream (trimmed or XDEL) while pending: nothing left to apply
                done.add(id);
                events.deletedOnClaim(1);
                continue;
            }
            Span span = spans.start(id, fields, consumer, delivery(deliveries, id));
            traced.put(id, span);
            // the entry id goes on every line logged while it is handled, the handler's own included
            MDC.put(EVENT_ID, id.toString());
            Scope scope = span.makeCurrent();
            try {
                OrderEvent event = EventParser.parse(fields);
                EntrySpans.parsed(span, event);
                EntryEffects entryEffects = new EntryEffects();
                handler.apply(event, entryEffects);
                parsed.put(id, event);
                effects.put(id, entryEffects);
            } catch (PoisonEventException e) {
                dead.put(id, new DeadLetter(fields, e.getMessage(), delivery(deliveries, id)));
                problems.put(id, e.getMessage());
            } catch (Exception e) {
                LOG.warn("Entry {} failed in {} (delivery {}); it stays pending: {}", id, consumer,
                        delivery(deliveries, id), e.toString());
                span.recordException(e);
                end(traced, id, EntrySpans.Outcome.PENDING, e.toString());
                failures++;
            } finally {
                scope.close();
                MDC.remove(EVENT_ID);
            }
        }
        EffectResults results = this.effects.store(effects);
        results.refused().forEach((id, reason) -> {
            MDC.put(EVENT_ID, id.toString());
            try {
                LOG.warn("Entry {} ({} of order {}) was refused by Redis and goes to the dead letters: {}", id,
                        parsed.get(id).type().wire(), parsed.get(id).orderId(), reason);
            } finally {
                MDC.remove(EVENT_ID);
            }
            dead.put(id, new DeadLetter(entries.get(id), reason, delivery(deliveries, id)));
            problems.put(id, reason);
        });
        if (!results.failed().isEmpty()) {
            LOG.warn("{} entries could not be stored in {} and stay pending (first: {} {})", results.failed().size(),
                    consumer, results.failed().keySet().iterator().next(),
                    results.failed().values().iterator().next());
        }
        failures += results.refused().size() + results.failed().size();
        done.addAll(results.stored());
        Set<StreamMessageId> moved = dead.isEmpty() ? Set.of() : deadLetters.add(consumer, dead);
        done.addAll(moved);
        acknowledge(done);
        results.stored().forEach(id -> end(traced, id, EntrySpans.Outcome.STORED, null));
        dead.keySet().forEach(id -> end(traced, id, EntrySpans.Outcome.DEAD_LETTER, problems.get(id)));
        results.failed().forEach((id, reason) -> end(traced, id, EntrySpans.Outcome.PENDING, String.valueOf(reason)));
        long acknowledged = clock.millis();
        results.stored().forEach(id -> events.processed(parsed.get(id).type(),
                acknowledged - parsed.get(id).timestamp(), acknowledged - read));
        if (!moved.isEmpty()) {
            events.deadLettered(moved.size());
        }
        if (failures > 0) {
            events.failed(failures);
        }
        return done.size();
    }

    private static void end(Map<StreamMessageId, Span> traced, StreamMessageId id, EntrySpans.Outcome outcome,
                            String problem) {
        Span span = traced.remove(id);
        if (span != null) {
            EntrySpans.end(span, outcome, problem);
        }
    }

    /**
     * Moves entries to the dead letters, then acknowledges the ones moved.
     *
     * @return how many were moved
     */
    public int deadLetter(Map<StreamMessageId, DeadLetter> letters, String consumer) {
        if (letters.isEmpty()) {
            return 0;
        }
        Set<StreamMessageId> moved = deadLetters.add(consumer, letters);
        acknowledge(moved);
        if (!moved.isEmpty()) {
            events.deadLettered(moved.size());
        }
        return moved.size();
    }

    private void acknowledge(Set<StreamMessageId> ids) {
        if (!ids.isEmpty()) {
            ConsumerGroup.stream(redis, keys).ack(GroupNames.GROUP, ids.toArray(new StreamMessageId[0]));
        }
    }

    private static long delivery(Map<StreamMessageId, Long> deliveries, StreamMessageId id) {
        return deliveries.getOrDefault(id, 1L);
    }
}
