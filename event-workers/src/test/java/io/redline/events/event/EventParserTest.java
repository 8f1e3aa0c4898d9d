package io.redline.events.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventParserTest {

    @Test
    void theWireFormatsOfTheFixturesAreReadIntoEvents() throws Exception {
        for (JsonNode fixture : fixtures("valid-events.json")) {
            OrderEvent event = EventParser.parse(entry(fixture));
            JsonNode expected = fixture.get("expected");
            String name = fixture.get("entry").get("type").asText();
            assertEquals(expected.get("type").asText(), event.type().name(), name);
            assertEquals(expected.get("orderId").asText(), event.orderId(), name);
            assertEquals(expected.get("timestamp").asLong(), event.timestamp(), name);
            assertEquals(expected.get("totalCents").asLong(), event.totalCents(), name);
            assertEquals(expected.get("amountCents").asLong(), event.amountCents(), name);
            assertEquals(expected.get("day").asText(), event.day().toString(), name);
            List<String> items = new ArrayList<>();
            expected.get("items").forEach(item -> items.add(item.get("sku").asText() + " x" + item.get("qty").asInt()));
            assertEquals(items, event.items().stream().map(item -> item.sku() + " x" + item.qty()).toList(), name);
        }
    }

    @Test
    void eachPoisonFixtureIsRefusedWithItsReason() throws Exception {
        for (JsonNode fixture : fixtures("poison-events.json")) {
            assertEquals(fixture.get("reason").asText(), refusal(entry(fixture)));
        }
    }

    @Test
    void moneyOutOfRangeIsPoisonAtOnceNamingTheField() {
        assertEquals("total must be a finite number, but was Infinity", refusal(created("1e999", "1")));
        assertEquals("total must be at most 1000000000000, but was 1.0E30", refusal(created("1e30", "1")));
        assertEquals("items[0].price must be at most 1000000000000, but was 1.0E20", refusal(created("1", "1e20")));
        assertEquals("amount must be at most 1000000000000, but was 9.223372036854776E18",
                refusal(paid("9223372036854775807.5")));
        assertEquals("amount must not be negative", refusal(paid("-1")));
    }

    @Test
    void theLargestAllowedAmountIsReadInExactCents() throws PoisonEventException {
        OrderEvent event = EventParser.parse(Map.of("type", "order.paid", "timestamp", "1764150000000",
                "payload", "{\"orderId\":\"o-1\",\"amount\":1000000000000}"));
        assertEquals(100_000_000_000_000L, event.amountCents());
    }

    @Test
    void aQuantityBeyondAWholeNumberIsPoison() {
        assertEquals("each item needs a sku (string) and a qty (whole number > 0)",
                refusal(Map.of("type", "order.created", "timestamp", "1764150000000", "payload",
                        "{\"orderId\":\"o-1\",\"total\":1,\"items\":[{\"sku\":\"a\",\"qty\":99999999999999999999,"
                                + "\"price\":1}]}")));
    }

    private static JsonNode fixtures(String name) throws IOException {
        try (InputStream in = EventParserTest.class.getResourceAsStream(name)) {
            return Json.mapper().readTree(in);
        }
    }

    private static Map<String, String> entry(JsonNode fixture) {
        Map<String, String> entry = new LinkedHashMap<>();
        fixture.get("entry").properties().forEach(field -> entry.put(field.getKey(), field.getValue().asText()));
        return entry;
    }

    private static Map<String, String> created(String total, String price) {
        return Map.of("type", "order.created", "timestamp", "1764150000000", "payload",
                "{\"orderId\":\"o-1\",\"total\":" + total + ",\"items\":[{\"sku\":\"a\",\"qty\":1,\"price\":" + price
                        + "}]}");
    }

    private static Map<String, String> paid(String amount) {
        return Map.of("type", "order.paid", "timestamp", "1764150000000", "payload",
                "{\"orderId\":\"o-1\",\"amount\":" + amount + "}");
    }

    private static String refusal(Map<String, String> fields) {
        return assertThrows(PoisonEventException.class, () -> EventParser.parse(fields)).getMessage();
    }
}
