package io.redline.events.event;

import io.redline.core.tracing.TraceParent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of a stream entry, as every producer writes them and the workers read them. */
public final class EventFields {

    public static final String TYPE = "type";
    public static final String PAYLOAD = "payload";
    /** Unix milliseconds: the event's own time. */
    public static final String TIMESTAMP = "timestamp";
    /**
     * Optional: the W3C {@code traceparent} of the producer's span, whose trace the worker's span continues. An entry
     * without it, or with a malformed one, is processed all the same (in a trace of its own).
     */
    public static final String TRACEPARENT = "traceparent";
    /** The required fields, in the order they are written. */
    public static final List<String> ALL = List.of(TYPE, PAYLOAD, TIMESTAMP);

    private EventFields() {
    }

    /** An entry's fields, in the order they are written. */
    public static Map<String, String> of(String type, String payload, String timestamp) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(TYPE, type);
        fields.put(PAYLOAD, payload);
        fields.put(TIMESTAMP, timestamp);
        return fields;
    }

    /** The fields, with the {@code traceparent} of the current span after them when there is one. */
    public static Map<String, String> traced(Map<String, String> fields) {
        Optional<String> traceparent = TraceParent.current();
        if (traceparent.isEmpty()) {
            return fields;
        }
        Map<String, String> traced = new LinkedHashMap<>(fields);
        traced.put(TRACEPARENT, traceparent.get());
        return traced;
    }

    /** The event's own fields out of a larger map (a dead letter's), empty where missing. */
    public static Map<String, String> from(Map<String, String> entry) {
        return of(entry.getOrDefault(TYPE, ""), entry.getOrDefault(PAYLOAD, ""), entry.getOrDefault(TIMESTAMP, ""));
    }
}
