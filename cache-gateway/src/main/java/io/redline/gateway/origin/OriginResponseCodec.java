package io.redline.gateway.origin;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.swr.ValueCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An origin's answer as a cache entry: its status and headers in the entry's JSON head
 * ({@code {"status":200,"headers":[{"name":...,"value":...}]}}), its body as raw bytes after it, copied on a hit
 * and never decoded.
 */
public final class OriginResponseCodec implements ValueCodec<OriginResponse> {

    public static final OriginResponseCodec INSTANCE = new OriginResponseCodec();

    private OriginResponseCodec() {
    }

    /** The head's part of a response. */
    record Head(int status, List<Header> headers) {
    }

    @Override
    public Object head(OriginResponse value) {
        return new Head(value.status(), value.headers());
    }

    @Override
    public byte[] body(OriginResponse value) {
        return value.body();
    }

    @Override
    public OriginResponse read(JsonNode head, ByteBuffer body) {
        int status = head.path("status").asInt(0);
        JsonNode headers = head.path("headers");
        if (status < 100 || status > 599 || !headers.isArray()) {
            throw new IllegalArgumentException("not a stored response: a status from 100 to 599 and a list of"
                    + " headers are required, but the head was " + head);
        }
        List<Header> read = new ArrayList<>(headers.size());
        for (JsonNode header : headers) {
            if (!header.path("name").isTextual() || !header.path("value").isTextual()) {
                throw new IllegalArgumentException("not a stored response: a header needs a name and a value, but"
                        + " was " + header);
            }
            read.add(new Header(header.get("name").asText(), header.get("value").asText()));
        }
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return new OriginResponse(status, read, bytes, null);
    }
}
