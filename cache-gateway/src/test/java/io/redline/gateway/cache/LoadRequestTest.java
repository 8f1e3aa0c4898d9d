package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadRequestTest {

    private static final List<Header> CLIENT = List.of(new Header("Accept", "text/html"),
            new Header("If-None-Match", "\"a\""), new Header("if-modified-since", "Sun, 01 Nov 2026 10:00:00 GMT"),
            new Header("If-Match", "*"), new Header("If-Unmodified-Since", "Sun, 01 Nov 2026 10:00:00 GMT"),
            new Header("If-Range", "\"a\""), new Header("Range", "bytes=0-9"), new Header("Cookie", "s=1"),
            new Header("Accept-Encoding", "gzip"));

    @Test
    void aColdLoadIsAnUnconditionalGetOfTheWholeUncompressedBodyWithoutCookies() {
        assertEquals(List.of(new Header("Accept", "text/html"), new Header("Accept-Encoding", "identity")),
                LoadRequest.headers(CLIENT, Optional.empty()));
    }

    @Test
    void aRefreshAsksWithTheStoredValidatorsOnly() {
        OriginResponse stored = new OriginResponse(200, List.of(new Header("ETag", "W/\"v7\""),
                new Header("Last-Modified", "Sat, 31 Oct 2026 09:00:00 GMT")), new byte[0], null);
        assertEquals(List.of(new Header("Accept", "text/html"), new Header("Accept-Encoding", "identity"),
                new Header("If-None-Match", "W/\"v7\""),
                new Header("If-Modified-Since", "Sat, 31 Oct 2026 09:00:00 GMT")),
                LoadRequest.headers(CLIENT, Optional.of(stored)));
    }
}
