package io.redline.core.swr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one Redis key holds: a 4-byte big-endian length {@code n}, then {@code n} bytes of JSON
 * {@code {"storedAt":ms,"freshUntil":ms,"value":...}}, then the value's raw bytes, if its {@link ValueCodec} has
 * any. A client in any language reads the head as JSON and takes the rest as it is.
 *
 * @param value the value
 * @param storedAt when the origin answered (epoch ms)
 * @param freshUntil when the value turns stale (epoch ms)
 */
record Envelope<T>(T value, long storedAt, long freshUntil) {

    private static final int LENGTH_BYTES = 4;

    Cached<T> toCached(CacheStatus status) {
        return new Cached<>(value, status, Instant.ofEpochMilli(storedAt), Instant.ofEpochMilli(freshUntil));
    }

    byte[] toBytes(ValueCodec<T> codec) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("storedAt", storedAt);
        head.put("freshUntil", freshUntil);
        head.put("value", codec.head(value));
        byte[] json = Json.writeBytes(head);
        byte[] body = codec.body(value);
        return ByteBuffer.allocate(LENGTH_BYTES + json.length + body.length).putInt(json.length).put(json).put(body)
                .array();
    }

    /** @throws IllegalArgumentException when the bytes are not an entry of the codec's values */
    static <T> Envelope<T> parse(byte[] bytes, ValueCodec<T> codec) {
        int length = bytes.length < LENGTH_BYTES ? -1 : ByteBuffer.wrap(bytes).getInt();
        if (length < 2 || length > bytes.length - LENGTH_BYTES) {
            // an entry of an earlier version (JSON text, '{' first) lands here too: it is loaded again
            throw new IllegalArgumentException("not an SWR entry: " + bytes.length + " bytes without a head of a"
                    + " length that fits");
        }
        JsonNode head;
        try {
            head = Json.mapper().readTree(bytes, LENGTH_BYTES, length);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an SWR entry: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an SWR entry: " + e.getMessage(), e);
        }
        long storedAt = head.path("storedAt").asLong(0);
        long freshUntil = head.path("freshUntil").asLong(0);
        if (storedAt == 0 || freshUntil == 0 || !head.has("value")) {
            throw new IllegalArgumentException("not an SWR entry: storedAt, freshUntil and value are required");
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, LENGTH_BYTES + length, bytes.length - LENGTH_BYTES - length)
                .slice().asReadOnlyBuffer();
        return new Envelope<>(codec.read(head.get("value"), body), storedAt, freshUntil);
    }
}
