package io.redline.core.concurrent;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one place that unwraps what {@code CompletableFuture} wraps around a failure. */
public final class Futures {

    private Futures() {
    }

    /**
     * The failure itself: a dependent stage reports its source's failure inside a {@link CompletionException}
     * (nested once per stage that rethrows it), and {@code get()} inside an {@link ExecutionException}; code that
     * decides by the type of a failure must see past both.
     *
     * @return the innermost cause under those wrappers, or {@code error} itself when it is not one (or has no
     *         cause)
     */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
