package io.redline.events.event;

import java.util.Optional;

/** The order events, in the order an order goes through them. */
public enum EventType {
    CREATED("order.created", "created"),
    PAID("order.paid", "paid"),
    SHIPPED("order.shipped", "shipped");

    private final String wire;
    private final String status;

    EventType(String wire, String status) {
        this.wire = wire;
        this.status = status;
    }

    /** The {@code type} field: {@code order.created}, ... */
    public String wire() {
        return wire;
    }

    /** The projection status it leads to: {@code created}, {@code paid}, {@code shipped}. */
    public String status() {
        return status;
    }

    public static Optional<EventType> fromWire(String wire) {
        for (EventType type : values()) {
            if (type.wire.equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
