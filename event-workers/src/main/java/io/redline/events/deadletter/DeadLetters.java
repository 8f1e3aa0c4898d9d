package io.redline.events.deadletter;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisScript;
import io.redline.core.redis.ScriptPipeline;
import io.redline.core.redis.ScriptReply;
import io.redline.events.event.EventFields;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter stream {@code events:ecommerce:dlq}: one entry per refused event with {@code originalId},
 * {@code type}, {@code payload}, {@code timestamp} (as written), {@code reason}, {@code deliveries} and
 * {@code consumer}, at most {@code DLQ_MAXLEN} of them (the oldest go first). The stream and its dead letters are
 * in different slots, so a move cannot be one atomic step: each dead letter is added by a script that remembers
 * its original id (for {@link #REMEMBERED}), and the original is acknowledged after that; a worker dying in between
 * leaves the original pending, and when the reaper moves it again, the script adds nothing.
 */
public final class DeadLetters {

    static final RedisScript ADD_ONCE = RedisScript.fromResource(DeadLetters.class, "dead_letter.lua");
    /** How long a moved id is remembered: far beyond the time a crashed worker's entries take to be reclaimed. */
    public static final Duration REMEMBERED = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final int maxLength;
    private final Clock clock;

    public DeadLetters(RedissonClient redis, RedlineKeys keys, int maxLength, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.maxLength = maxLength;
        this.clock = clock;
    }

    /** The entries in the dead-letter stream now (XLEN). */
    public long length() {
        return redis.getStream(keys.eventDeadLetters(), RedisCodecs.STRING).size();
    }

    /** The scripts this class sends by SHA. */
    public static List<RedisScript> scripts() {
        return List.of(ADD_ONCE);
    }

    /**
     * Adds each dead letter once, in one pipeline.
     *
     * @return the originals now safely in the dead letters (to be acknowledged); the others stay pending
     */
    public Set<StreamMessageId> add(String consumer, Map<StreamMessageId, DeadLetter> letters) {
        ScriptPipeline<StreamMessageId> pipeline = new ScriptPipeline<>(redis);
        String now = String.valueOf(clock.millis());
        letters.forEach((id, letter) -> {
            List<String> args = new ArrayList<>(List.of(id.toString(), now, String.valueOf(maxLength),
                    String.valueOf(REMEMBERED.toMillis())));
            args.addAll(List.of("originalId", id.toString()));
            EventFields.from(letter.fields()).forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
            args.addAll(List.of("reason", letter.reason(),
                    "deliveries", String.valueOf(letter.deliveries()),
                    "consumer", consumer));
            pipeline.add(id, ADD_ONCE, List.of(keys.eventDeadLetters(), keys.deadLettersMoved()), args);
        });
        Set<StreamMessageId> added = new LinkedHashSet<>();
        pipeline.execute().forEach((id, reply) -> {
            if (reply.ok()) {
                added.add(id);
            } else {
                warn(id, reply);
            }
        });
        return added;
    }

    private static void warn(StreamMessageId id, ScriptReply reply) {
        LOG.warn("Entry {} could not be moved to the dead letters; it stays pending: {}", id, reply.describe());
    }
}
