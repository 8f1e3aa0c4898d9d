package io.redline.events.simulate;

import io.redline.events.event.EventFields;
import java.util.Map;

/**
 * One event as a producer writes it.
 *
 * @param type {@code order.created}, {@code order.paid} or {@code order.shipped}
 * @param payload the JSON payload
 * @param timestamp Unix ms
 */
public record SimulatedEvent(String type, String payload, long timestamp) {

    /** The stream entry's fields, in the order of the contract (docs/contract.md). */
    public Map<String, String> fields() {
        return EventFields.of(type, payload, String.valueOf(timestamp));
    }
}
