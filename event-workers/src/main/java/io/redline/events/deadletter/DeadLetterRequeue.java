package io.redline.events.deadletter;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisScript;
import io.redline.events.event.EventFields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;

/**
 * {@code dlq requeue}: writes a dead letter back to the stream as a new entry ({@code type}, {@code payload},
 * {@code timestamp}), then deletes it from the dead letters. The two streams are in different slots; the write is
 * a script that remembers the dead letter's id (for {@link DeadLetters#REMEMBERED}), so a run that dies between
 * the two steps and is started again deletes the dead letter without writing it twice.
 */
public final class DeadLetterRequeue {

    static final RedisScript ADD_ONCE = RedisScript.fromResource(DeadLetterRequeue.class, "requeue.lua");

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final Clock clock;

    public DeadLetterRequeue(RedissonClient redis, RedlineKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    /** @return the new entry's id, or empty when an earlier run had written this dead letter back already */
    public Optional<StreamMessageId> one(StreamMessageId deadLetter, Map<String, String> fields) {
        List<Object> args = new ArrayList<>(List.of(deadLetter.toString(), String.valueOf(clock.millis()),
                String.valueOf(DeadLetters.REMEMBERED.toMillis())));
        EventFields.from(fields).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        String written = ADD_ONCE.<String>call(redis, RScript.Mode.READ_WRITE, RScript.ReturnType.VALUE,
                List.of(keys.eventStream(), keys.eventStreamRequeued()), args.toArray()).toCompletableFuture().join();
        redis.getStream(keys.eventDeadLetters()).remove(deadLetter);
        return Optional.ofNullable(written).map(DeadLetterRequeue::parse);
    }

    private static StreamMessageId parse(String id) {
        int dash = id.indexOf('-');
        return new StreamMessageId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
    }
}
