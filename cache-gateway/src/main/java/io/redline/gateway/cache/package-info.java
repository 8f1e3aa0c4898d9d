/**
 * What the gateway caches and how it says so: the cache key (path and sorted query), which origin responses may
 * be stored, and the {@code X-Cache}, {@code Age} and RFC 9211 {@code Cache-Status} headers.
 */
package io.redline.gateway.cache;
