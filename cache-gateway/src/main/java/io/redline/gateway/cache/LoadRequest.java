package io.redline.gateway.cache;

import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The headers of a load for the cache. A stored answer is served to every client, so a load is an unconditional
 * {@code GET} of the whole body, uncompressed and without anyone's cookies: the client's own conditions and range
 * are answered by the gateway from the result ({@link ConditionalReply}). A refresh of a stored entry that has
 * validators asks the origin whether it changed ({@code If-None-Match}, {@code If-Modified-Since}).
 */
public final class LoadRequest {

    /** Client headers that would make the origin's answer one client's: conditions, range, cookies, encoding. */
    private static final Set<String> DROPPED = Set.of("cookie", "accept-encoding", "if-none-match",
            "if-modified-since", "if-match", "if-unmodified-since", "if-range", "range");

    private LoadRequest() {
    }

    /**
     * @param client the client's request headers
     * @param previous the stored answer a refresh replaces; empty for a cold load
     */
    public static List<Header> headers(List<Header> client, Optional<OriginResponse> previous) {
        List<Header> headers = new ArrayList<>();
        for (Header header : client) {
            if (!DROPPED.contains(header.name().toLowerCase(Locale.ROOT))) {
                headers.add(header);
            }
        }
        headers.add(new Header("Accept-Encoding", "identity"));
        previous.flatMap(stored -> stored.header("etag")).ifPresent(tag -> headers.add(new Header("If-None-Match",
                tag)));
        previous.flatMap(stored -> stored.header("last-modified")).ifPresent(date -> headers.add(
                new Header("If-Modified-Since", date)));
        return headers;
    }
}
