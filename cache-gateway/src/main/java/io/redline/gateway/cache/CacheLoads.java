package io.redline.gateway.cache;

import io.redline.core.swr.Loaded;
import io.redline.gateway.origin.OriginResponse;
import java.util.Optional;

/**
 * What the cache does with the origin's answer to a load: a {@code 304} to a refresh's validators extends the
 * stored answer ({@link Revalidation}); anything else is classified ({@link Cacheability}), and what is stored
 * gets its own times ({@link Freshness}).
 */
public final class CacheLoads {

    private final Freshness freshness;

    public CacheLoads(Freshness freshness) {
        this.freshness = freshness;
    }

    /**
     * @param answer the origin's answer
     * @param previous the stored answer a refresh asked about; empty for a cold load
     */
    public Loaded<OriginResponse> classify(OriginResponse answer, Optional<OriginResponse> previous) {
        if (answer.status() == 304 && previous.isPresent()) {
            return Revalidation.merge(previous.get(), answer)
                    .map(updated -> Loaded.notModified(updated, freshness.of(updated)))
                    .orElseGet(() -> Loaded.error(answer, "origin answered 304 with another ETag than the stored"
                            + " one"));
        }
        Loaded<OriginResponse> loaded = Cacheability.classify(answer);
        return loaded.kind() == Loaded.Kind.STORE ? Loaded.store(answer, freshness.of(answer)) : loaded;
    }
}
