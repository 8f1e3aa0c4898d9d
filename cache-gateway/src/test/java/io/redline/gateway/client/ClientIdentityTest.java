package io.redline.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIdentityTest {

    private final ClientIdentity identity = new ClientIdentity(TrustedProxies.parse("10.0.0.0/8"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() throws Exception {
        assertEquals(address("203.0.113.5"), identity.resolve(address("203.0.113.5"), List.of("1.1.1.1")));
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedAddressFromTheRightIsTheClient() throws Exception {
        assertEquals(address("198.51.100.7"), identity.resolve(address("10.0.0.1"),
                List.of("6.6.6.6, 198.51.100.7", "10.9.9.9")));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() throws Exception {
        assertEquals(address("10.3.3.3"), identity.resolve(address("10.0.0.1"), List.of("10.3.3.3, 10.2.2.2")));
    }

    @Test
    void garbageInTheHeaderStopsTheWalkAtTheLastBelievableAddress() throws Exception {
        assertEquals(address("10.2.2.2"), identity.resolve(address("10.0.0.1"), List.of("evil.example, 10.2.2.2")));
        assertEquals(address("10.0.0.1"), identity.resolve(address("10.0.0.1"), List.of()));
    }

    @Test
    void ipv6AddressesAreUnderstood() throws Exception {
        assertEquals(address("2001:db8::7"), identity.resolve(address("10.0.0.1"), List.of("[2001:db8::7]")));
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
