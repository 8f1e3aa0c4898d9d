package io.redline.chat.message;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisScript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.OptionalOptions;
import org.redisson.config.ConstantDelay;

/**
 * Sends a message: publishes it on its room's channel ({@code chat:room:{R}}) and pushes it onto the room's
 * {@link ChatHistory} in one atomic round trip ({@code append.lua}), so that no node sees a message the history
 * lacks or the other way round.
 */
public final class MessagePublisher {

    /**
     * The longest a publish may take, its retries included. It is shorter than the time a sender waits, so that
     * a send its client was told failed cannot be retried by the Redis client and land in the history later.
     */
    public static final Duration BUDGET = Duration.ofSeconds(4);
    private static final RedisScript APPEND = RedisScript.fromResource(MessagePublisher.class, "append.lua");

    private final RedlineKeys keys;
    private final String publish;
    private final RScript appendScript;

    /**
     * @param sharded publish with {@code SPUBLISH} (Redis Cluster), else {@code PUBLISH}
     */
    public MessagePublisher(RedissonClient redis, RedlineKeys keys, boolean sharded) {
        this.keys = keys;
        this.publish = sharded ? "SPUBLISH" : "PUBLISH";
        // 3 attempts of at most 1 s, 0.5 s apart: within BUDGET
        this.appendScript = redis.getScript(OptionalOptions.defaults().codec(RedisCodecs.STRING)
                .timeout(Duration.ofSeconds(1)).retryAttempts(2)
                .retryDelay(new ConstantDelay(Duration.ofMillis(500))));
    }

    /**
     * Stores, then publishes, if at least {@code minReceivers} nodes are subscribed to the room (stored first: a
     * refused write fails the call before any client has the message).
     *
     * @return the number of nodes subscribed to the room that got it; below {@code minReceivers}, nothing was
     *     stored or sent
     */
    public CompletionStage<Long> publish(ChatMessage message, int minReceivers) {
        String room = message.roomId();
        return APPEND.call(appendScript, RScript.Mode.READ_WRITE, RScript.ReturnType.LONG,
                List.of(keys.chatHistory(room), keys.chatRoomChannel(room)), message.toJson(),
                String.valueOf(ChatHistory.SIZE), String.valueOf(ChatHistory.EXPIRY.toSeconds()), publish,
                String.valueOf(minReceivers));
    }
}
