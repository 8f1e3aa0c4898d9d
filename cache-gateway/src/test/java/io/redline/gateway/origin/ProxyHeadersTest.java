package io.redline.gateway.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.gateway.client.TrustedProxies;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {

    private static final List<Header> CLIENT = List.of(new Header("Host", "shop.example"),
            new Header("Accept-Language", "fr"), new Header("Cookie", "session=1"),
            new Header("X-Forwarded-For", "198.51.100.7"), new Header("X-Forwarded-Host", "evil.example"),
            new Header("X-Forwarded-Proto", "https"), new Header("Via", "1.0 edge"),
            new Header("traceparent", "00-abc-def-01"), new Header("tracestate", "a=b"),
            new Header("X-Request-Id", "r1"), new Header("If-None-Match", "\"v1\""));

    @Test
    void aLoadSendsTheFixedSetWithTheTraceHeadersAndNothingElseOfTheClients() throws Exception {
        List<Header> load = new ProxyHeaders(null, TrustedProxies.NONE).load(CLIENT, InetAddress.getByName("10.0.0.9"));
        assertEquals(List.of(new Header("Accept-Encoding", "identity"),
                new Header("User-Agent", "redline-cache-gateway"), new Header("traceparent", "00-abc-def-01"),
                new Header("tracestate", "a=b"), new Header("X-Request-Id", "r1"),
                new Header("X-Forwarded-Proto", "http"), new Header("Via", "1.1 redline"),
                new Header("X-Forwarded-For", "198.51.100.7, 10.0.0.9")), load);
    }

    @Test
    void aLoadIgnoresEvenATrustedProxysForwardedHostAndProtoAndSendsTheConfiguredHost() throws Exception {
        List<Header> load = new ProxyHeaders("origin.internal", TrustedProxies.parse("10.0.0.0/8"))
                .load(CLIENT, InetAddress.getByName("10.0.0.9"));
        assertEquals("http", value(load, "X-Forwarded-Proto"));
        assertEquals(null, value(load, "X-Forwarded-Host"));
        assertEquals("origin.internal", value(load, "Host"));
    }

    @Test
    void aForwardedRequestKeepsEndToEndHeadersAndReplacesTheProxyOnesOfAnUntrustedPeer() throws Exception {
        List<Header> forwarded = new ProxyHeaders(null, TrustedProxies.NONE).forwarded(CLIENT,
                InetAddress.getByName("203.0.113.5"));
        assertEquals("fr", value(forwarded, "Accept-Language"));
        assertEquals("session=1", value(forwarded, "Cookie"));
        assertEquals("http", value(forwarded, "X-Forwarded-Proto"));
        assertEquals("shop.example", value(forwarded, "X-Forwarded-Host"), "the client's Host");
        assertEquals("1.0 edge, 1.1 redline", value(forwarded, "Via"));
        assertEquals("198.51.100.7, 203.0.113.5", value(forwarded, "X-Forwarded-For"));
        assertEquals(null, value(forwarded, "Host"), "the HTTP client writes the origin's own");
        assertEquals(1, forwarded.stream().filter(h -> h.name().equalsIgnoreCase("x-forwarded-host")).count());
    }

    @Test
    void aTrustedProxysForwardedHostAndProtoAreKept() throws Exception {
        List<Header> forwarded = new ProxyHeaders("origin.internal:8080", TrustedProxies.parse("10.0.0.0/8"))
                .forwarded(CLIENT, InetAddress.getByName("10.0.0.9"));
        assertEquals("https", value(forwarded, "X-Forwarded-Proto"));
        assertEquals("evil.example", value(forwarded, "X-Forwarded-Host"));
        assertEquals("origin.internal:8080", value(forwarded, "Host"));
    }

    private static String value(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                .orElse(null);
    }
}
