package io.redline.gateway.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadHeadersTest {

    @Test
    void aLoadAsksForAnUncompressedBodyAsTheGatewayAndKeepsOnlyTheTraceHeaders() {
        List<Header> client = List.of(new Header("Accept", "text/html"), new Header("Accept-Encoding", "gzip"),
                new Header("Accept-Language", "fr"), new Header("Authorization", "Bearer t"),
                new Header("Cookie", "a=1"), new Header("If-Modified-Since", "Sun, 29 Nov 2026 10:00:00 GMT"),
                new Header("Range", "bytes=0-9"), new Header("User-Agent", "curl/8"),
                new Header("X-HTTP-Method-Override", "DELETE"), new Header("Traceparent", "00-a-b-01"),
                new Header("TraceState", "k=v"), new Header("x-request-id", "r-7"));
        assertEquals(List.of(new Header("Accept-Encoding", "identity"),
                new Header("User-Agent", "redline-cache-gateway"), new Header("Traceparent", "00-a-b-01"),
                new Header("TraceState", "k=v"), new Header("x-request-id", "r-7")), LoadHeaders.of(client));
    }

    @Test
    void withoutTraceHeadersALoadSendsTheSameTwoHeadersForEveryClient() {
        assertEquals(LoadHeaders.of(List.of()), LoadHeaders.of(List.of(new Header("Accept-Language", "de"))));
    }
}
