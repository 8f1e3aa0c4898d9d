package io.redline.chat.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.redline.core.tracing.TraceParent;
import io.redline.core.tracing.Tracing;

/**
 * The spans of a chat message: {@code chat send} ({@code PRODUCER}) on the node that accepts it, from validation to
 * the publish's answer; {@code chat fan-out} ({@code CONSUMER}) on every node that delivers it to its local clients,
 * a child of the message's {@code traceparent} (a malformed or absent one: a trace of its own). With tracing off,
 * nothing is read or made.
 */
public final class ChatSpans {

    static final String ROOM = "redline.chat.room";
    static final String MESSAGE_ID = "messaging.message.id";
    static final String RECEIVERS = "redline.chat.local_receivers";

    private final Tracing tracing;

    public ChatSpans(Tracing tracing) {
        this.tracing = tracing;
    }

    /** A node without tracing (tests, benches). */
    public static ChatSpans off() {
        return new ChatSpans(Tracing.off());
    }

    public Span send(String room) {
        if (!tracing.enabled()) {
            return Span.getInvalid();
        }
        return tracing.tracer().spanBuilder("chat send").setSpanKind(SpanKind.PRODUCER).setAttribute(ROOM, room)
                .startSpan();
    }

    /** @param traceparent the message's, may be {@code null} */
    public Span fanOut(String room, String messageId, String traceparent, int localReceivers) {
        if (!tracing.enabled()) {
            return Span.getInvalid();
        }
        return tracing.tracer().spanBuilder("chat fan-out").setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceParent.parent(traceparent))
                .setAttribute(ROOM, room)
                .setAttribute(MESSAGE_ID, messageId)
                .setAttribute(RECEIVERS, localReceivers)
                .startSpan();
    }

    /** The message id, once it is known. */
    public static void identify(Span span, String messageId) {
        span.setAttribute(MESSAGE_ID, messageId);
    }
}
