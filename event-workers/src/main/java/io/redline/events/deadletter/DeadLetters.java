package io.redline.events.consumer;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redisson.api.RBatch;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;

/**
 * The dead-letter stream {@code events:ecommerce:dlq}: one entry per refused event with {@code originalId},
 * {@code type}, {@code payload}, {@code timestamp} (as written), {@code reason}, {@code deliveries} and
 * {@code consumer}.
 */
public final class DeadLetters {

    private final RedlineKeys keys;

    public DeadLetters(RedlineKeys keys) {
        this.keys = keys;
    }

    public void add(RBatch batch, StreamMessageId id, Map<String, String> fields, String reason, long deliveries,
                    String consumer) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("originalId", id.toString());
        entry.put("type", fields.getOrDefault("type", ""));
        entry.put("payload", fields.getOrDefault("payload", ""));
        entry.put("timestamp", fields.getOrDefault("timestamp", ""));
        entry.put("reason", reason);
        entry.put("deliveries", String.valueOf(deliveries));
        entry.put("consumer", consumer);
        batch.<String, String>getStream(keys.eventDeadLetters(), RedisCodecs.STRING)
                .addAsync(StreamAddArgs.entries(entry));
    }
}
