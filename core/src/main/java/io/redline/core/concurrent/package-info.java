/**
 * Small helpers for {@link java.util.concurrent.CompletableFuture} code: {@link io.redline.core.concurrent.Futures}
 * finds the failure a future's wrapper exceptions hide.
 */
package io.redline.core.concurrent;
