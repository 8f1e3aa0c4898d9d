package io.redline.gateway.http;

import io.redline.core.concurrent.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long a request waits for the cache or the origin. On expiry the stage fails with a bare
 * {@link TimeoutException}; every other failure arrives wrapped in a {@link CompletionException}, so that the
 * request's own deadline (504) stays apart from a Redis timeout inside the cache (which goes around the cache).
 */
final class Deadline {

    private Deadline() {
    }

    static <V> CompletableFuture<V> within(CompletionStage<V> stage, Duration wait) {
        CompletableFuture<V> bounded = new CompletableFuture<>();
        stage.whenComplete((value, error) -> {
            if (error == null) {
                bounded.complete(value);
            } else {
                bounded.completeExceptionally(new CompletionException(Futures.unwrap(error)));
            }
        });
        // orTimeout cancels its timer when the stage completes first: nothing piles up under load
        return bounded.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a failure is the expiry of {@link #within}. */
    static boolean expired(Throwable error) {
        return error instanceof TimeoutException;
    }
}
