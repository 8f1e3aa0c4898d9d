package io.redline.core.swr;

import io.redline.core.json.RedisCodecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;

/**
 * A purge by prefix: a {@code SCAN} over the cache's entry names ({@code swr:<cache>:{*}:key}, on every master of a
 * Cluster), whose values are the cache keys in clear; the entries whose key starts with the prefix are removed.
 * Blocking: it is meant for an admin endpoint's thread, never for a request path.
 */
final class PrefixPurge {

    private static final int CHUNK = 1000;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(10);

    private final RedissonClient redis;
    private final String namePattern;
    private final Consumer<String> purged;

    /**
     * @param namePattern the glob of the cache's {@link EntryKeys#name()} keys
     * @param purged told each entry key removed (to drop near-cache copies and tell the other processes)
     */
    PrefixPurge(RedissonClient redis, String namePattern, Consumer<String> purged) {
        this.redis = redis;
        this.namePattern = namePattern;
        this.purged = purged;
    }

    PurgeResult run(String prefix, int maxScanned) {
        int scanned = 0;
        int removed = 0;
        List<String> batch = new ArrayList<>(CHUNK);
        for (String name : redis.getKeys().getKeys(KeysScanOptions.defaults().pattern(namePattern).chunkSize(CHUNK))) {
            if (scanned == maxScanned) {
                return new PurgeResult(removed + purge(batch, prefix), scanned, false);
            }
            scanned++;
            batch.add(name);
            if (batch.size() == CHUNK) {
                removed += purge(batch, prefix);
                batch.clear();
            }
        }
        return new PurgeResult(removed + purge(batch, prefix), scanned, true);
    }

    /** Reads the batch's cache keys together, then removes the matching entries together. */
    private int purge(List<String> names, String prefix) {
        List<CompletableFuture<String>> reads = new ArrayList<>(names.size());
        for (String name : names) {
            reads.add(redis.<String>getBucket(name, RedisCodecs.STRING).getAsync().toCompletableFuture());
        }
        List<CompletableFuture<Long>> deletes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String cacheKey = reads.get(i).orTimeout(BATCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
            if (cacheKey != null && cacheKey.startsWith(prefix)) {
                String entry = names.get(i).substring(0, names.get(i).length() - EntryKeys.NAME_SUFFIX.length());
                deletes.add(redis.getKeys().deleteAsync(entry, entry + ":pass", names.get(i)).toCompletableFuture()
                        .thenApply(count -> {
                            purged.accept(entry);
                            return count;
                        }));
            }
        }
        CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new))
                .orTimeout(BATCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        return deletes.size();
    }
}
