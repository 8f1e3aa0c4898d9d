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
import org.redisson.api.options.OptionalOptions;
import org.redisson.config.ConstantDelay;

/**
 * A room's last messages ({@code chat:history:{R}}, newest first, trimmed to {@value #SIZE}, expiring
 * {@link #EXPIRY} after the last message), and the publishing of new ones on the room's channel.
 */
public final class ChatHistory {

    public static final int SIZE = 50;
    public static final Duration EXPIRY = Duration.ofDays(7);
    /**
     * The longest an append may take, its retries included. It is shorter than the time a sender waits, so that
     * a send its client was told failed cannot be retried by the Redis client and land in the history later.
     */
    public static final Duration APPEND_BUDGET = Duration.ofSeconds(4);
    private static final RedisScript APPEND = RedisScript.fromResource(ChatHistory.class, "append.lua");

    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final String publish;
    private final RScript appendScript;

    /**
     * @param sharded publish with {@code SPUBLISH} (Redis Cluster), else {@code PUBLISH}
     */
    public ChatHistory(RedissonClient redis, RedlineKeys keys, boolean sharded) {
        this.redis = redis;
        this.keys = keys;
        this.publish = sharded ? "SPUBLISH" : "PUBLISH";
        // 3 attempts of at most 1 s, 0.5 s apart: within APPEND_BUDGET
        this.appendScript = redis.getScript(OptionalOptions.defaults().codec(RedisCodecs.STRING)
                .timeout(Duration.ofSeconds(1)).retryAttempts(2)
                .retryDelay(new ConstantDelay(Duration.ofMillis(500))));
    }

    /**
     * Publishes and, if it reached at least {@code minReceivers} subscribed nodes, stores.
     *
     * @return the number of nodes subscribed to the room that got it; below {@code minReceivers}, nothing was stored
     */
    public CompletionStage<Long> append(ChatMessage message, int minReceivers) {
        String room = message.roomId();
        return APPEND.call(appendScript, RScript.Mode.READ_WRITE, RScript.ReturnType.LONG,
                List.of(keys.chatHistory(room), keys.chatRoomChannel(room)), message.toJson(),
                String.valueOf(SIZE), String.valueOf(EXPIRY.toSeconds()), publish, String.valueOf(minReceivers));
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
