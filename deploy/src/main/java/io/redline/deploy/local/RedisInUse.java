package io.redline.deploy.local;

import io.redline.core.redis.RedisSettings;
import io.redline.deploy.local.redis.LocalRedis;
import io.redline.deploy.local.redis.RedisVersion;

/**
 * The Redis the platform runs on.
 *
 * @param url the URL the children get, password included
 * @param local the server the runner started, or {@code null} for one given by {@code REDIS_URL}
 * @param source how it was chosen, for the banner
 */
record RedisInUse(String url, RedisSettings settings, LocalRedis local, String source, RedisVersion version) {

    String maskedUrl() {
        return settings.url().toString();
    }

    Long pid() {
        return local == null ? null : local.process().pid();
    }
}
