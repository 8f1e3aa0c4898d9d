/**
 * The origin side: a JDK {@code HttpClient} with connect and response timeouts, hop-by-hop headers stripped,
 * {@code X-Forwarded-For} appended, and bodies above the cache limit streamed rather than buffered.
 */
package io.redline.gateway.origin;
