/**
 * What the gateway caches and how it says so: the cache key (path and sorted query), the load (an unconditional
 * {@code GET} of the whole body; a refresh asks with the stored validators), which origin answers may be stored
 * and for how long (RFC 9111: {@code Cache-Control}, {@code Expires}, {@code Age}), a {@code 304} merged into the
 * stored answer, the client's conditions and range answered from the whole answer ({@code 304}, {@code 412},
 * {@code 206}, {@code 416}), and the {@code X-Cache}, {@code Age} and RFC 9211 {@code Cache-Status} headers.
 */
package io.redline.gateway.cache;
