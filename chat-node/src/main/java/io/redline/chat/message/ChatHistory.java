package io.redline.chat.message;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;

/**
 * A room's last messages ({@code chat:history:{R}}, newest first, trimmed to {@value #SIZE}, expiring
 * {@link #EXPIRY} after the last message), and the publishing of new ones on the room's channel.
 */
public final class ChatHistory {

    public static final int SIZE = 50;
    public static final Duration EXPIRY = Duration.ofDays(7);
    private static final RedisScript APPEND = RedisScript.fromResource(ChatHistory.class, "append.lua");

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final String publish;

    /**
     * @param sharded publish with {@code SPUBLISH} (Redis Cluster), else {@code PUBLISH}
     */
    public ChatHistory(RedissonClient redis, RedlineKeys keys, boolean sharded) {
        this.redis = redis;
        this.keys = keys;
        this.publish = sharded ? "SPUBLISH" : "PUBLISH";
    }

    /** Stores and publishes; completes with the number of nodes subscribed to the room. */
    public CompletionStage<Long> append(ChatMessage message) {
        String room = message.roomId();
        return APPEND.call(redis, RScript.Mode.READ_WRITE, RScript.ReturnType.LONG,
                List.of(keys.chatHistory(room), keys.chatRoomChannel(room)), message.toJson(),
                String.valueOf(SIZE), String.valueOf(EXPIRY.toSeconds()), publish);
    }

    /** The last messages as their JSON, oldest first. */
    public CompletionStage<List<String>> recent(String room) {
        return redis.<String>getList(keys.chatHistory(room), RedisCodecs.STRING).rangeAsync(0, SIZE - 1)
                .thenApply(newestFirst -> {
                    List<String> oldestFirst = new ArrayList<>(newestFirst);
                    Collections.reverse(oldestFirst);
                    return oldestFirst;
                });
    }
}
