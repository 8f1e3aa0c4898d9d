package io.redline.core.swr;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redline.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What one Redis key holds: {@code {"storedAt":ms,"freshUntil":ms,"value":...}}, plain JSON that a client in any
 * language can read.
 */
record Envelope<T>(T value, long storedAt, long freshUntil, long staleTtlMillis) {

    Cached<T> toCached(CacheStatus status) {
        return new Cached<>(value, status, Instant.ofEpochMilli(storedAt), Instant.ofEpochMilli(freshUntil));
    }

    String toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("storedAt", storedAt);
        node.put("freshUntil", freshUntil);
        node.set("value", Json.mapper().valueToTree(value));
        return node.toString();
    }

    /** @throws IllegalArgumentException when the text is not an envelope of this type */
    static <T> Envelope<T> parse(String text, JavaType type) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null || !node.has("storedAt") || !node.has("freshUntil") || !node.has("value")) {
                throw new IllegalArgumentException("not an SWR envelope");
            }
            T value = Json.mapper().readerFor(type).readValue(node.get("value"));
            // the stale TTL lives in Redis (the key's TTL), not in the JSON
            return new Envelope<>(value, node.get("storedAt").asLong(), node.get("freshUntil").asLong(), -1);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an SWR envelope: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("not an SWR envelope: " + e.getMessage(), e);
        }
    }
}
