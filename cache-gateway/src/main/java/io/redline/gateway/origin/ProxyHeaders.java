package io.redline.gateway.origin;

import io.redline.gateway.client.TrustedProxies;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the gateway tells the origin about the request, as nginx does with {@code proxy_set_header}: {@code Host}
 * (the origin's own, or {@code ORIGIN_HOST_HEADER}), {@code X-Forwarded-For} (the peer appended),
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (the client's own values only from a trusted proxy), and
 * {@code Via: 1.1 redline} (appended).
 */
public final class ProxyHeaders {

    public static final String VIA = "1.1 redline";
    /** The gateway listens on plain HTTP: TLS, if any, ended at a proxy before it. */
    static final String PROTO = "http";
    private static final Set<String> REPLACED = Set.of("host", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "via");

    private final String host;
    private final TrustedProxies trusted;

    /**
     * @param host the {@code Host} to send, or {@code null} for the origin's own (as the HTTP client writes it)
     * @param trusted the proxies whose {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are kept
     */
    public ProxyHeaders(String host, TrustedProxies trusted) {
        this.host = host;
        this.trusted = trusted;
    }

    /**
     * A forwarded (not cached) request: the client's headers (hop-by-hop ones are dropped when sent) with the
     * proxy's replacing the client's of the same names.
     */
    public List<Header> forwarded(List<Header> client, InetAddress peer) {
        List<Header> headers = new ArrayList<>();
        for (Header header : client) {
            if (!REPLACED.contains(header.name().toLowerCase(Locale.ROOT))) {
                headers.add(header);
            }
        }
        boolean fromProxy = trusted.trusts(peer);
        headers.add(new Header("X-Forwarded-Proto", fromProxy ? first(client, "x-forwarded-proto", PROTO) : PROTO));
        String clientHost = first(client, "host", null);
        String forwardedHost = fromProxy ? first(client, "x-forwarded-host", clientHost) : clientHost;
        if (forwardedHost != null) {
            headers.add(new Header("X-Forwarded-Host", forwardedHost));
        }
        String via = joined(client, "via");
        headers.add(new Header("Via", via.isEmpty() ? VIA : via + ", " + VIA));
        common(headers, client, peer);
        return headers;
    }

    /**
     * A cache load: the fixed {@link LoadHeaders}, {@code X-Forwarded-Proto: http} and {@code Via: 1.1 redline}
     * whatever the client sent, and no {@code X-Forwarded-Host}: the key holds no host, so the stored answer must
     * not depend on the name one client used.
     */
    public List<Header> load(List<Header> client, InetAddress peer) {
        List<Header> headers = LoadHeaders.of(client);
        headers.add(new Header("X-Forwarded-Proto", PROTO));
        headers.add(new Header("Via", VIA));
        common(headers, client, peer);
        return headers;
    }

    private void common(List<Header> headers, List<Header> client, InetAddress peer) {
        String prior = joined(client, "x-forwarded-for");
        headers.add(new Header("X-Forwarded-For", prior.isBlank() ? peer.getHostAddress()
                : prior + ", " + peer.getHostAddress()));
        if (host != null) {
            headers.add(new Header("Host", host));
        }
    }

    private static String first(List<Header> headers, String name, String otherwise) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                .orElse(otherwise);
    }

    private static String joined(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value)
                .collect(Collectors.joining(", "));
    }
}
