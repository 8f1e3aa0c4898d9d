package io.redline.core.redis.pipeline;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;

/**
 * Questions of one kind that a pipeline may answer with fewer commands than questions: the rate limiter's
 * decisions of many callers, for example, go to Redis as one script call per hash slot.
 *
 * @param <Q> a question
 * @param <A> its answer
 */
@FunctionalInterface
public interface Coalescing<Q, A> {

    /**
     * Adds to {@code batch} the commands that answer {@code questions}; must not wait on anything.
     *
     * @return one answer per question, in the questions' order
     */
    List<CompletionStage<A>> addTo(RBatch batch, List<Q> questions);

    /**
     * Sends {@code questions} as one plain command when they need no more than one (no batch machinery around a
     * single command); null when they need a batch.
     */
    default List<CompletionStage<A>> sendAlone(RedissonClient redis, List<Q> questions) {
        return null;
    }
}
