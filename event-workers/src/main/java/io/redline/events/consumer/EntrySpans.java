package io.redline.events.consumer;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.redline.core.tracing.TraceParent;
import io.redline.core.tracing.Tracing;
import io.redline.events.event.EventFields;
import io.redline.events.event.OrderEvent;
import java.util.Map;
import org.redisson.api.stream.StreamMessageId;

/**
 * One {@code CONSUMER} span per entry processed, named {@code process <stream>}, from its first read to its
 * acknowledgement (or to its staying pending). Its parent is the entry's {@code traceparent} when it has a
 * well-formed one: the event is the producer's work continued, one span per entry, so a parent (not a span link)
 * keeps the whole path, from a gateway request to the order it caused, in one trace. Without one, the span starts
 * a trace of its own. With tracing off, nothing is read or made.
 */
final class EntrySpans {

    /** How an entry's processing ended: the {@code redline.outcome} attribute. */
    enum Outcome {
        STORED("stored"), DEAD_LETTER("dead_letter"), PENDING("pending");

        final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }
    }

    static final String SYSTEM = "messaging.system";
    static final String OPERATION = "messaging.operation.type";
    static final String DESTINATION = "messaging.destination.name";
    static final String GROUP = "messaging.consumer.group.name";
    static final String MESSAGE_ID = "messaging.message.id";
    static final String CONSUMER = "redline.consumer";
    static final String DELIVERY = "redline.delivery";
    static final String EVENT_TYPE = "redline.event.type";
    static final String ORDER_ID = "redline.order.id";
    static final String OUTCOME = "redline.outcome";

    private final Tracing tracing;
    private final String stream;

    EntrySpans(Tracing tracing, String stream) {
        this.tracing = tracing;
        this.stream = stream;
    }

    Span start(StreamMessageId id, Map<String, String> fields, String consumer, long delivery) {
        if (!tracing.enabled()) {
            return Span.getInvalid();
        }
        return tracing.tracer().spanBuilder("process " + stream).setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceParent.parent(fields.get(EventFields.TRACEPARENT)))
                .setAttribute(SYSTEM, "redis")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, stream)
                .setAttribute(GROUP, GroupNames.GROUP)
                .setAttribute(MESSAGE_ID, id.toString())
                .setAttribute(CONSUMER, consumer)
                .setAttribute(DELIVERY, delivery)
                .startSpan();
    }

    static void parsed(Span span, OrderEvent event) {
        span.setAttribute(EVENT_TYPE, event.type().wire());
        span.setAttribute(ORDER_ID, event.orderId());
    }

    static void end(Span span, Outcome outcome, String problem) {
        span.setAttribute(OUTCOME, outcome.wire);
        if (problem != null) {
            span.setStatus(StatusCode.ERROR, problem);
        }
        span.end();
    }
}
