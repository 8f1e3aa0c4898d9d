/**
 * The cache-gateway process: an HTTP reverse proxy in front of {@code ORIGIN_URL} that rate-limits every client
 * and caches the origin's GET responses with stale-while-revalidate. {@link io.redline.gateway.GatewayMain} wires
 * it; the features live in the sub-packages.
 */
package io.redline.gateway;
