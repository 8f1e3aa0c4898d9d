package io.redline.gateway.origin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the origin answered. A body within the cache limit is held in {@code body}; a larger one starts with
 * {@code body} and continues in {@code rest}, which only the caller that fetched it may read (and which is never
 * stored: it is not part of the JSON).
 *
 * @param status the HTTP status
 * @param headers end-to-end headers, in order
 * @param body the body, or its first part when {@code rest} is set
 * @param rest the remainder of a body too large to buffer, or {@code null}
 */
public record OriginResponse(int status, List<Header> headers, byte[] body, @JsonIgnore InputStream rest) {

    public OriginResponse {
        headers = List.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** All values of a header, comma-joined as one value (RFC 9110 section 5.3), lower case. */
    public String joined(String name) {
        StringBuilder out = new StringBuilder();
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                out.append(out.length() == 0 ? "" : ",").append(header.value());
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A {@code 5xx}: the origin's own failure, relayed but never stored. */
    @JsonIgnore
    public boolean isServerError() {
        return status >= 500;
    }

    @JsonIgnore
    public boolean isStreamed() {
        return rest != null;
    }
}
