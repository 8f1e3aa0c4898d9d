package io.redline.gateway.origin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * What the origin answered. A body within the cache limit is held in {@code body}; a larger one starts with
 * {@code body} and continues in {@code rest}, which only one caller may read (and which is never stored:
 * {@link OriginResponseCodec} keeps status, headers and body only). A response with a {@code rest} that is not sent on must be {@linkplain #discard discarded}.
 *
 * @param status the HTTP status
 * @param headers end-to-end headers, in order
 * @param body the body, or its first part when {@code rest} is set
 * @param rest the remainder of a body too large to buffer, or {@code null}
 */
public record OriginResponse(int status, List<Header> headers, byte[] body, StreamedBody rest) {

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
    public boolean isServerError() {
        return status >= 500;
    }

    public boolean isStreamed() {
        return rest != null;
    }

    /** Aborts the rest of a streamed body that nobody took (a no-op for a buffered one). */
    public void discard() {
        if (rest != null) {
            rest.abort(new CancellationException("the streamed body was not sent to any client"));
        }
    }
}
