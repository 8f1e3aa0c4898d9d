/**
 * The Redis connection: {@code REDIS_URL}/{@code REDIS_MODE} parsing ({@link io.redline.core.redis.RedisSettings}),
 * the Redisson {@code Config} built from them, waiting for Redis with capped exponential backoff, and the
 * readiness check that pings it. Passwords never reach a log line or an error message.
 */
package io.redline.core.redis;
