/**
 * The origin side: Jetty's asynchronous {@code HttpClient} with connect, answer and idle timeouts and a bounded
 * connection pool; the headers the origin gets ({@code ProxyHeaders} for every request, {@code LoadHeaders} for
 * cache loads), hop-by-hop headers stripped; bodies above the cache limit streamed rather than buffered.
 */
package io.redline.gateway.origin;
