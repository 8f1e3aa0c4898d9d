package io.redline.events.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.keys.InvalidKeyPartException;
import io.redline.core.keys.RedlineKeys;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream entry's fields ({@code type}, {@code payload}, {@code timestamp}) into an {@link OrderEvent}.
 * Money is read as decimal and kept in integer cents (half-even), so that sums are exact.
 */
public final class EventParser {

    /** The largest amount an event may carry; sums of millions of them still fit Redis's 64-bit counters. */
    public static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");

    private EventParser() {
    }

    /** @throws PoisonEventException saying what is wrong */
    public static OrderEvent parse(Map<String, String> fields) throws PoisonEventException {
        String typeField = required(fields, EventFields.TYPE);
        EventType type = EventType.fromWire(typeField).orElseThrow(() -> new PoisonEventException(
                "unknown type \"" + typeField + "\"; expected order.created, order.paid or order.shipped"));
        long timestamp = timestamp(required(fields, EventFields.TIMESTAMP));
        String payloadText = required(fields, EventFields.PAYLOAD);
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(payloadText);
        } catch (IOException e) {
            throw new PoisonEventException("payload is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw new PoisonEventException("payload is not a JSON object");
        }
        String orderId = orderId(payload.get("orderId"));
        switch (type) {
            case CREATED:
                return new OrderEvent(type, orderId, timestamp, items(payload.get("items")),
                        cents(payload.get("total"), "total"), 0);
            case PAID:
                return new OrderEvent(type, orderId, timestamp, List.of(), 0, cents(payload.get("amount"), "amount"));
            default:
                return new OrderEvent(type, orderId, timestamp, List.of(), 0, 0);
        }
    }

    private static String required(Map<String, String> fields, String name) throws PoisonEventException {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new PoisonEventException("missing field " + name);
        }
        return value;
    }

    private static long timestamp(String text) throws PoisonEventException {
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PoisonEventException("timestamp must be Unix milliseconds, but was \"" + text + "\"");
    }

    private static String orderId(JsonNode node) throws PoisonEventException {
        if (node == null || !node.isTextual()) {
            throw new PoisonEventException("payload has no orderId (a string)");
        }
        try {
            return RedlineKeys.ORDER_ID.check(node.asText());
        } catch (InvalidKeyPartException e) {
            throw new PoisonEventException(e.getMessage());
        }
    }

    private static List<LineItem> items(JsonNode node) throws PoisonEventException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new PoisonEventException("order.created needs items: [{\"sku\",\"qty\",\"price\"}]");
        }
        List<LineItem> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            JsonNode sku = item.get("sku");
            JsonNode qty = item.get("qty");
            if (sku == null || !sku.isTextual() || sku.asText().isEmpty() || qty == null || !qty.canConvertToInt()
                    || !qty.isIntegralNumber() || qty.asInt() < 1) {
                throw new PoisonEventException("each item needs a sku (string) and a qty (whole number > 0)");
            }
            // the price is checked (a bad one is poison) but not kept: no effect uses it
            cents(item.get("price"), "items[" + items.size() + "].price");
            items.add(new LineItem(sku.asText(), qty.asInt()));
        }
        return items;
    }

    /**
     * Money in cents. Anything that is not a finite decimal between 0 and {@link #MAX_MONEY} is poison: no later
     * delivery can read it better (an overflow is as final as a typo).
     */
    private static long cents(JsonNode node, String field) throws PoisonEventException {
        if (node == null || !node.isNumber()) {
            throw new PoisonEventException(field + " must be a number");
        }
        BigDecimal value;
        try {
            value = node.decimalValue();
        } catch (NumberFormatException e) {
            throw new PoisonEventException(field + " must be a finite number, but was " + node.asText());
        }
        if (value.signum() < 0) {
            throw new PoisonEventException(field + " must not be negative");
        }
        if (value.compareTo(MAX_MONEY) > 0) {
            throw new PoisonEventException(field + " must be at most " + MAX_MONEY.toPlainString() + ", but was "
                    + node.asText());
        }
        return value.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
