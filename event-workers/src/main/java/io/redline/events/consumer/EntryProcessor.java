package io.redline.events.consumer;

import io.redline.core.keys.RedlineKeys;
import io.redline.events.effects.BatchEffects;
import io.redline.events.effects.EventHandler;
import io.redline.events.effects.OrderEffects;
import io.redline.events.event.EventParser;
import io.redline.events.event.OrderEvent;
import io.redline.events.event.PoisonEventException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.RedisNoScriptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes a batch of entries: every effect of the batch in one pipeline, then one {@code XACK} for every entry
 * whose effects are stored or that went to the dead letters. An entry whose handler fails stays pending (the
 * reaper retries it, then dead-letters it after {@code MAX_DELIVERIES}); poison goes to the dead letters at once.
 */
public final class EntryProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(EntryProcessor.class);

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final EventHandler handler;
    private final DeadLetters deadLetters;
    private final WorkerEvents events;
    private final Clock clock;

    public EntryProcessor(RedissonClient redis, RedlineKeys keys, EventHandler handler, WorkerEvents events,
                          Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.handler = handler;
        this.deadLetters = new DeadLetters(keys);
        this.events = events;
        this.clock = clock;
    }

    /** Loads the effect scripts on every master; called at start and after a NOSCRIPT. */
    public void loadScripts() {
        CompletableFuture.allOf(OrderEffects.scripts().stream().map(script -> script.load(redis)
                .toCompletableFuture()).toArray(CompletableFuture[]::new)).join();
    }

    /**
     * @param deliveries how often each entry has been delivered (1 for a first read)
     * @return how many entries were acknowledged
     */
    public int process(Map<StreamMessageId, Map<String, String>> entries, String consumer,
                       Map<StreamMessageId, Long> deliveries) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<StreamMessageId> done = new ArrayList<>(entries.size());
        List<OrderEvent> applied = new ArrayList<>(entries.size());
        BatchEffects effects = new BatchEffects(redis, keys);
        int dead = 0;
        for (Map.Entry<StreamMessageId, Map<String, String>> entry : entries.entrySet()) {
            StreamMessageId id = entry.getKey();
            Map<String, String> fields = entry.getValue();
            if (fields == null || fields.isEmpty()) {
                // deleted from the stream (trimmed or XDEL) while pending: nothing left to apply
                done.add(id);
                events.deletedOnClaim(1);
                continue;
            }
            try {
                OrderEvent event = EventParser.parse(fields);
                handler.apply(event, effects);
                applied.add(event);
                done.add(id);
            } catch (PoisonEventException e) {
                deadLetters.add(effects.batch(), id, fields, e.getMessage(), deliveries.getOrDefault(id, 1L),
                        consumer);
                done.add(id);
                dead++;
            } catch (Exception e) {
                LOG.warn("Entry {} failed in {} (delivery {}); it stays pending: {}", id, consumer,
                        deliveries.getOrDefault(id, 1L), e.toString());
                events.failed();
            }
        }
        execute(effects, applied);
        if (!done.isEmpty()) {
            stream().ack(GroupNames.GROUP, done.toArray(new StreamMessageId[0]));
        }
        long now = clock.millis();
        applied.forEach(event -> events.processed(event.type(), now - event.timestamp()));
        if (dead > 0) {
            events.deadLettered(dead);
        }
        return done.size();
    }

    /** Moves entries to the dead letters and acknowledges them, in one pipeline then one XACK. */
    public void deadLetter(Map<StreamMessageId, Map<String, String>> entries, String reason, String consumer,
                           Map<StreamMessageId, Long> deliveries) {
        if (entries.isEmpty()) {
            return;
        }
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        entries.forEach((id, fields) -> deadLetters.add(batch, id, fields, reason.replace("{n}",
                String.valueOf(deliveries.getOrDefault(id, 0L))), deliveries.getOrDefault(id, 0L), consumer));
        batch.execute();
        stream().ack(GroupNames.GROUP, entries.keySet().toArray(new StreamMessageId[0]));
        events.deadLettered(entries.size());
    }

    private void execute(BatchEffects effects, List<OrderEvent> applied) {
        try {
            effects.execute();
        } catch (RedisNoScriptException e) {
            // Redis restarted or failed over and lost its scripts: load them, then apply the events again (effects
            // are idempotent, so what the first attempt did apply is not counted twice; the dead letters of the
            // first attempt were plain commands and went through)
            LOG.info("Scripts missing on Redis ({}); loading them and retrying the batch", e.getMessage());
            loadScripts();
            BatchEffects retry = new BatchEffects(redis, keys);
            for (OrderEvent event : applied) {
                try {
                    handler.apply(event, retry);
                } catch (Exception failed) {
                    throw new IllegalStateException("the handler accepted " + event.orderId() + " once", failed);
                }
            }
            retry.execute();
        }
    }

    private RStream<String, String> stream() {
        return ConsumerGroup.stream(redis, keys);
    }
}
