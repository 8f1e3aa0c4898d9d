/**
 * The test kit, module {@code redline-testkit}, used by every module's tests in test scope: real Redis servers for tests ({@link io.redline.testkit.RedisExtension},
 * {@link io.redline.testkit.RedisClusterExtension}, {@link io.redline.testkit.RedisSentinelExtension}),
 * free ports, a minimal RESP client for fixtures, child JVMs, spans kept in memory
 * ({@link io.redline.testkit.RecordedSpans}), and the shared Awaitility preset.
 * Every process started here is stopped by its extension, and by a JVM shutdown hook as a last resort.
 */
package io.redline.testkit;
