package io.redline.gateway.cache;

import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a load adds to the fixed load headers ({@code LoadHeaders}): nothing for a cold load, which is an
 * unconditional {@code GET} of the whole body (the client's own conditions and range are answered by the gateway
 * from the result, {@link ConditionalReply}); the stored entry's validators for a refresh, so that the origin may
 * answer {@code 304} instead of the body ({@code If-None-Match}, {@code If-Modified-Since}).
 */
public final class LoadRequest {

    private LoadRequest() {
    }

    /** @param previous the stored answer a refresh replaces; empty for a cold load */
    public static List<Header> validators(Optional<OriginResponse> previous) {
        List<Header> headers = new ArrayList<>();
        previous.flatMap(stored -> stored.header("etag")).ifPresent(tag -> headers.add(new Header("If-None-Match",
                tag)));
        previous.flatMap(stored -> stored.header("last-modified")).ifPresent(date -> headers.add(
                new Header("If-Modified-Since", date)));
        return headers;
    }
}
