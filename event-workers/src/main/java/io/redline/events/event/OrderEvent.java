package io.redline.events.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A valid order event.
 *
 * @param type what happened
 * @param orderId the order
 * @param timestamp when it happened, Unix ms (the event's own time, so that a replay gives the same figures)
 * @param items the lines of an {@code order.created}, else empty
 * @param totalCents the total of an {@code order.created}, else 0
 * @param amountCents the amount of an {@code order.paid}, else 0
 */
public record OrderEvent(EventType type, String orderId, long timestamp, List<LineItem> items, long totalCents,
                         long amountCents) {

    public OrderEvent {
        items = List.copyOf(items);
    }

    /** The UTC day the event happened on: the day its revenue or units are counted for. */
    public LocalDate day() {
        return dayOf(timestamp);
    }

    /** The UTC day of a timestamp in Unix ms. */
    public static LocalDate dayOf(long timestamp) {
        return Instant.ofEpochMilli(timestamp).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
