/**
 * The one lifecycle interface ({@link io.redline.core.lifecycle.Managed}), ordered start and reverse stop
 * ({@link io.redline.core.lifecycle.Lifecycle}), and thread pools that are named, instrumented and shut down
 * with shutdown, awaitTermination, shutdownNow ({@link io.redline.core.lifecycle.ThreadPools}).
 */
package io.redline.core.lifecycle;
