/**
 * The HTTP side: the Jetty server on {@code HTTP_PORT} and the handler that runs every request through the rate
 * limiter, then the cache (GET/HEAD) or straight to the origin.
 */
package io.redline.gateway.http;
