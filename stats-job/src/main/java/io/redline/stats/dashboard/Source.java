package io.redline.stats.dashboard;

import java.util.concurrent.CompletionStage;
import org.redisson.api.RType;

/**
 * One read of the dashboard, named: the key it reads, the type it expects there (what {@link SourceTypes} checks
 * to name the key when Redis refuses a read), how the read is sent, and how its reply becomes a figure.
 *
 * @param key the source key
 * @param expectedType what the key must hold if it exists
 * @param read sends the read of the key
 * @param decoder turns the reply into the figure
 * @param <T> the figure
 */
record Source<T>(String key, RType expectedType, Read read, Decoder<T> decoder) {

    /** Sends the read of a key, through a pipeline or straight to Redis. */
    @FunctionalInterface
    interface Read {
        CompletionStage<?> send(Reads reads, String key);
    }

    /** Turns a reply into a figure; the key names the source in an error. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(String key, Object reply);
    }

    /** @return the reply to come (a pipeline's, after it is executed) */
    CompletionStage<?> send(Reads reads) {
        return reads.sent(read.send(reads, key));
    }

    /** @throws WrongTypeException naming the key, when the reply is not what the figure is made of */
    T decode(Object reply) {
        return decoder.decode(key, reply);
    }
}
