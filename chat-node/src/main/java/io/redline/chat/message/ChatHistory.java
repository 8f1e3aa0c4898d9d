package io.redline.chat.message;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RedissonClient;

/**
 * A room's last messages: {@code chat:history:{R}}, newest first, trimmed to {@value #SIZE}, expiring
 * {@link #EXPIRY} after the last message. Only {@link MessagePublisher} writes it; this class reads it.
 */
public final class ChatHistory {

    public static final int SIZE = 50;
    public static final Duration EXPIRY = Duration.ofDays(7);

    private final RedissonClient redis;
    private final RedlineKeys keys;

    public ChatHistory(RedissonClient redis, RedlineKeys keys) {
        this.redis = redis;
        this.keys = keys;
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
