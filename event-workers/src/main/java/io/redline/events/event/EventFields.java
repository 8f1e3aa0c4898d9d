package io.redline.events.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of a stream entry, as every producer writes them and the workers read them. */
public final class EventFields {

    public static final String TYPE = "type";
    public static final String PAYLOAD = "payload";
    /** Unix milliseconds: the event's own time. */
    public static final String TIMESTAMP = "timestamp";
    /** In the order they are written. */
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

    /** The event's own fields out of a larger map (a dead letter's), empty where missing. */
    public static Map<String, String> from(Map<String, String> entry) {
        return of(entry.getOrDefault(TYPE, ""), entry.getOrDefault(PAYLOAD, ""), entry.getOrDefault(TIMESTAMP, ""));
    }
}
