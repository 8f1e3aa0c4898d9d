package io.redline.core.redis;

import io.redline.core.config.ConfigReader;

/**
 * Where Redis is and how to reach it: {@code REDIS_MODE}, {@code REDIS_URL}, {@code REDIS_SENTINEL_MASTER}.
 *
 * @param mode single, cluster or sentinel
 * @param url the server (single), the seed nodes (cluster) or the sentinels (sentinel)
 * @param sentinelMaster the master's name in sentinel mode, else {@code null}
 */
public record RedisSettings(RedisMode mode, RedisUrl url, String sentinelMaster) {

    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    public RedisSettings {
        if (mode == null || url == null) {
            throw new IllegalArgumentException("mode and url are required, but were " + mode + " and " + url);
        }
        if (mode == RedisMode.SINGLE && url.endpoints().size() != 1) {
            throw new IllegalArgumentException("single mode takes one address, but was given " + url.endpoints().size());
        }
        if (mode == RedisMode.CLUSTER && url.database() != 0) {
            throw new IllegalArgumentException("Redis Cluster has only database 0, but /" + url.database() + " was asked");
        }
        if (mode == RedisMode.SENTINEL && (sentinelMaster == null || sentinelMaster.isBlank())) {
            throw new IllegalArgumentException("sentinel mode needs the master's name, but was \"" + sentinelMaster + "\"");
        }
    }

    public static RedisSettings single(String url) {
        return new RedisSettings(RedisMode.SINGLE, RedisUrl.parse(url, 6379), null);
    }

    /**
     * Reads the three variables, reporting every problem to the reader. When something is wrong the result is
     * only a placeholder: the reader's {@code throwIfInvalid()} is bound to fail.
     */
    public static RedisSettings read(ConfigReader reader) {
        RedisMode mode = reader.choice("REDIS_MODE", RedisMode.SINGLE, RedisMode.class);
        String rawUrl = reader.string("REDIS_URL", DEFAULT_URL);
        RedisUrl url = null;
        try {
            url = RedisUrl.parse(rawUrl, mode == RedisMode.SENTINEL ? 26_379 : 6379);
        } catch (IllegalArgumentException e) {
            reader.reject("REDIS_URL", RedisUrl.mask(rawUrl), e.getMessage());
        }
        String master = reader.optional("REDIS_SENTINEL_MASTER").orElse(null);
        if (mode == RedisMode.SENTINEL && master == null) {
            reader.reject("REDIS_SENTINEL_MASTER", null, "required when REDIS_MODE=sentinel: the name of the master");
        }
        if (url != null && mode == RedisMode.SINGLE && url.endpoints().size() != 1) {
            reader.reject("REDIS_URL", RedisUrl.mask(rawUrl),
                    "REDIS_MODE=single takes exactly one address; set REDIS_MODE=cluster or sentinel for a list");
        }
        if (url != null && mode == RedisMode.CLUSTER && url.database() != 0) {
            reader.reject("REDIS_URL", RedisUrl.mask(rawUrl),
                    "Redis Cluster has only database 0: drop the /" + url.database());
        }
        return reader.hasErrors() ? fallback() : new RedisSettings(mode, url, master);
    }

    private static RedisSettings fallback() {
        return single(DEFAULT_URL);
    }
}
