package io.redline.core.swr;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Fetches a value from its origin for an {@link SwrCache}.
 *
 * @param <T> the cache's value type
 */
@FunctionalInterface
public interface SwrLoader<T> {

    /**
     * @param previous the stored value a background refresh replaces (so that the loader can ask its origin
     *                 whether it changed, and answer {@link Loaded#notModified}); empty for a cold load
     */
    CompletionStage<Loaded<T>> load(Optional<T> previous);
}
