package io.redline.core.swr;

import io.redline.core.concurrent.Futures;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invalidation channel of one cache's near caches ({@code swr:<cache>:invalidations}): every store is
 * announced as {@code "<instance> <entry key>"}, and each instance drops its copy of entries other instances
 * stored. Best effort: an instance that misses a message serves its copy until that copy's own
 * {@code freshUntil} at most, since a near cache never holds an entry past it.
 */
final class Invalidations {

    private static final Logger LOG = LoggerFactory.getLogger(Invalidations.class);

    /** Tells this instance's announcements from those of other instances. */
    private final String instance = UUID.randomUUID().toString();
    private final RTopic topic;
    private final CompletableFuture<Integer> subscription;

    /**
     * @param channel the channel's name
     * @param listening whether this instance keeps copies to drop (it announces its stores either way)
     * @param drop told the entry key another instance stored
     */
    Invalidations(RedissonClient redis, String channel, boolean listening, Consumer<String> drop) {
        this.topic = redis.getTopic(channel, StringCodec.INSTANCE);
        this.subscription = listening
                ? topic.addListenerAsync(String.class, (from, message) -> received(message, drop))
                        .toCompletableFuture()
                : CompletableFuture.completedFuture(-1);
    }

    /** Tells every instance that the entry changed. */
    void announce(String entryKey) {
        topic.publishAsync(instance + " " + entryKey).whenComplete((receivers, error) -> {
            if (error != null) {
                LOG.debug("Could not announce the store of {}: {}", entryKey, String.valueOf(Futures.unwrap(error)));
            }
        });
    }

    /**
     * This instance's own announcements are skipped: it stores only what it loaded or refreshed, and its near cache
     * holds no copy of such an entry (it was absent or stale).
     */
    private void received(String message, Consumer<String> drop) {
        int space = message.indexOf(' ');
        if (space > 0 && !(space == instance.length() && message.startsWith(instance))) {
            drop.accept(message.substring(space + 1));
        }
    }

    /** Stops listening (a no-op when not listening). */
    void close() {
        subscription.thenAccept(id -> {
            if (id >= 0) {
                topic.removeListenerAsync(id);
            }
        });
    }
}
