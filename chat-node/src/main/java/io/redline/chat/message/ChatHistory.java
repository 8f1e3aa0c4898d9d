package io.redline.chat.message;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.pipeline.AutoPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A room's last messages: {@code chat:history:{R}}, newest first, trimmed to {@value #SIZE}, expiring
 * {@link #EXPIRY} after the last message. Only {@link MessagePublisher} writes it; this class reads it.
 */
public final class ChatHistory {

    public static final int SIZE = 50;
    public static final Duration EXPIRY = Duration.ofDays(7);

    private final AutoPipeline pipeline;
    private final RedlineKeys keys;

    /** @param pipeline carries the history reads of many joins together */
    public ChatHistory(AutoPipeline pipeline, RedlineKeys keys) {
        this.pipeline = pipeline;
        this.keys = keys;
    }

    /** The last messages as their JSON, oldest first. */
    public CompletionStage<List<String>> recent(String room) {
        String key = keys.chatHistory(room);
        return pipeline.<List<String>>call(batch -> batch.<String>getList(key, RedisCodecs.STRING)
                        .rangeAsync(0, SIZE - 1))
                .thenApply(newestFirst -> {
                    List<String> oldestFirst = new ArrayList<>(newestFirst);
                    Collections.reverse(oldestFirst);
                    return oldestFirst;
                });
    }
}
