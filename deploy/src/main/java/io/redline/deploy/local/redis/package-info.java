/**
 * The Redis a local platform uses: the one named by {@code REDIS_URL}, else a {@code redis-server} found on
 * {@code PATH}, else the Redis 6.2 binary that embedded-redis ships; and what a server of a given version can do.
 */
package io.redline.deploy.local.redis;
