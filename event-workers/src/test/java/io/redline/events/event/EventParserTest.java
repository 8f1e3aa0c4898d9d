package io.redline.events.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventParserTest {

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
