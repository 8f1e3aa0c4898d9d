/**
 * The test kit, shipped as core's test-jar: real Redis servers for tests ({@link io.redline.core.testkit.RedisExtension},
 * {@link io.redline.core.testkit.RedisClusterExtension}, {@link io.redline.core.testkit.RedisSentinelExtension}),
 * free ports, a minimal RESP client for fixtures, child JVMs, and the shared Awaitility preset.
 * Every process started here is stopped by its extension, and by a JVM shutdown hook as a last resort.
 */
package io.redline.core.testkit;
