/**
 * The chat's spans: {@link io.redline.chat.trace.ChatSpans} makes the accepting node's {@code chat send} span, whose
 * {@code traceparent} the message carries, and each node's {@code chat fan-out} span, its child.
 */
package io.redline.chat.trace;
