/**
 * Automatic pipelining: small independent commands from concurrent callers share one write to Redis instead of a
 * pooled connection each ({@link io.redline.core.redis.pipeline.AutoPipeline}).
 */
package io.redline.core.redis.pipeline;
