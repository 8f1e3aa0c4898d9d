/**
 * {@code redline-cache-gateway.jar bench}: Redline's limiter against Redisson's {@code RRateLimiter}, an SWR hit
 * against a bare {@code GET}, and the origin calls of a cold-key stampede, side by side in one run.
 */
package io.redline.gateway.bench;
