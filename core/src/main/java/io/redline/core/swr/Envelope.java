package io.redline.core.swr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import io.redline.core.json.Json;
import java.time.Instant;

/**
 * What one Redis key holds: {@code {"storedAt":ms,"freshUntil":ms,"value":...}}, plain JSON that a client in any
 * language can read. Read and written in one pass with the value's own type (a hit parses nothing twice).
 *
 * @param value the value
 * @param storedAt when the origin answered (epoch ms)
 * @param freshUntil when the value turns stale (epoch ms)
 */
record Envelope<T>(T value, long storedAt, long freshUntil) {

    /** A reader of envelopes whose value is of {@code valueType}. */
    static ObjectReader reader(JavaType valueType) {
        return Json.mapper().readerFor(Json.mapper().getTypeFactory().constructParametricType(Envelope.class,
                valueType));
    }

    Cached<T> toCached(CacheStatus status) {
        return new Cached<>(value, status, Instant.ofEpochMilli(storedAt), Instant.ofEpochMilli(freshUntil));
    }

    String toJson() {
        return Json.write(this);
    }

    /** @throws IllegalArgumentException when the text is not an envelope of the reader's type */
    static <T> Envelope<T> parse(String text, ObjectReader reader) {
        try {
            Envelope<T> envelope = reader.readValue(text);
            if (envelope == null || envelope.storedAt() == 0 || envelope.freshUntil() == 0) {
                throw new IllegalArgumentException("not an SWR envelope: storedAt and freshUntil are required");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an SWR envelope: " + e.getOriginalMessage(), e);
        }
    }
}
