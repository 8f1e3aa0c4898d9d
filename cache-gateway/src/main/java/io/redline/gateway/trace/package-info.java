/**
 * Tracing and request ids around the gateway's handler, without touching it: {@link
 * io.redline.gateway.trace.TracingHandler} makes a server span per request (child of an incoming {@code traceparent},
 * or a new trace), puts the request id in the MDC, and hands the handler a {@link
 * io.redline.gateway.trace.TracedRequest} whose headers carry the span's {@code traceparent} and the {@code
 * X-Request-Id}, so that what forwards the client's headers to the origin forwards these; {@link
 * io.redline.gateway.trace.RequestIds} accepts a client's id or makes one.
 */
package io.redline.gateway.trace;
