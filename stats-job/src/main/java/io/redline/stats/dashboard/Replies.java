package io.redline.stats.dashboard;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The reply of each source of one dashboard, found by the source, never by its position in a pipeline. */
final class Replies {

    private final Map<Source<?>, CompletionStage<?>> bySource = new IdentityHashMap<>();

    /** Sends every source's read, in the order given. */
    static Replies send(List<Source<?>> sources, Reads reads) {
        Replies replies = new Replies();
        for (Source<?> source : sources) {
            replies.put(source, source.send(reads));
        }
        return replies;
    }

    void put(Source<?> source, CompletionStage<?> reply) {
        bySource.put(source, reply);
    }

    /**
     * @return the source's figure; its reply must have come (a pipeline's come when it is executed)
     * @throws WrongTypeException naming the key, when the reply is not what the figure is made of
     */
    <T> T of(Source<T> source) {
        CompletionStage<?> sent = bySource.get(source);
        if (sent == null) {
            throw new IllegalStateException("no read was sent for " + source.key());
        }
        CompletableFuture<?> reply = sent.toCompletableFuture();
        // never wait here: a pipeline's replies all come when it is executed, so one still to come is a bug
        if (!reply.isDone()) {
            throw new IllegalStateException("the reply for " + source.key() + " has not come");
        }
        return source.decode(reply.join());
    }
}
