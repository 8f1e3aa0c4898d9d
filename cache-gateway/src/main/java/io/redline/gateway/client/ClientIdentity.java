package io.redline.gateway.client;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The client a request counts against: the peer's address, or, when the peer is a trusted proxy, the first
 * untrusted address of {@code X-Forwarded-For} read from the right (the entries left of it could be forged by
 * the client).
 */
public final class ClientIdentity {

    private final TrustedProxies trusted;

    public ClientIdentity(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /**
     * @param peer the address of the TCP peer
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order
     * @return the client's address as text
     */
    public InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        if (!trusted.trusts(peer)) {
            return peer;
        }
        InetAddress client = peer;
        String[] hops = String.join(",", forwardedFor).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiterals.parse(hops[i]);
            if (hop.isEmpty()) {
                // garbage where an address should be: the last address we could believe is the answer
                return client;
            }
            client = hop.get();
            if (!trusted.trusts(client)) {
                return client;
            }
        }
        return client;
    }
}
