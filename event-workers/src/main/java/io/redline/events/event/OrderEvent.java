package io.redline.events.event;

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
 * @param payload the payload as it was written
 */
public record OrderEvent(EventType type, String orderId, long timestamp, List<LineItem> items, long totalCents,
                         long amountCents, String payload) {

    public OrderEvent {
        items = List.copyOf(items);
    }
}
