package io.redline.core.swr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.nio.ByteBuffer;

/**
 * How a cache's values are split into an entry's two parts: a JSON head, which any client reads, and raw bytes
 * after it, which are copied and never decoded (an HTTP body). A hit then parses a few hundred bytes of JSON
 * however large the body, where a body inside the JSON (base64) had to be decoded whole.
 *
 * @param <T> the cache's value type
 */
public interface ValueCodec<T> {

    /** What goes into the head as the entry's {@code value}: anything Jackson writes. */
    Object head(T value);

    /** The raw bytes after the head; empty for none. */
    byte[] body(T value);

    /**
     * The value again.
     *
     * @param head the {@code value} of the entry's head
     * @param body the raw bytes after the head (read-only, positioned at the first byte)
     * @throws IllegalArgumentException when the head is not one of this codec's values
     */
    T read(JsonNode head, ByteBuffer body);

    /** Values written whole into the head as JSON, with no raw bytes: any type Jackson reads and writes. */
    static <T> ValueCodec<T> json(Class<T> type) {
        return new ValueCodec<>() {
            @Override
            public Object head(T value) {
                return value;
            }

            @Override
            public byte[] body(T value) {
                return new byte[0];
            }

            @Override
            public T read(JsonNode head, ByteBuffer body) {
                try {
                    return Json.mapper().treeToValue(head, type);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                            e);
                }
            }
        };
    }
}
