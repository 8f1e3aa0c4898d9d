package io.redline.deploy.local.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.testkit.FreePorts;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortLayoutTest {

    private static final List<String> HTTP = List.of("cache-gateway-1", "chat-node-1");
    private static final List<String> ALL = List.of("cache-gateway-1", "chat-node-1", "event-workers-1",
            "stats-job-serve", "stats-job-run");

    @Test
    void aFixedBaseGivesRedisOriginPageThenHttpThenAdminPortsInOrder() throws Exception {
        int base = FreePorts.findRange(PortLayout.size(1, 1, 1));
        PortLayout layout;
        try (PortSource source = PortSource.fixed(base)) {
            layout = PortLayout.allocate(source, HTTP, ALL);
        }
        assertEquals(base, layout.port(PortLayout.REDIS));
        assertEquals(base + 1, layout.port(PortLayout.ORIGIN));
        assertEquals(base + 2, layout.port(PortLayout.STATS_PAGE));
        assertEquals(base + 3, layout.httpPort("cache-gateway-1"));
        assertEquals(base + 4, layout.httpPort("chat-node-1"));
        assertEquals(base + 5, layout.adminPort("cache-gateway-1"));
        assertEquals(base + 9, layout.adminPort("stats-job-run"));
        assertEquals(PortLayout.size(1, 1, 1), layout.all().size());
    }

    @Test
    void freePortsAreAllDifferent() throws Exception {
        PortLayout layout;
        try (PortSource source = PortSource.free()) {
            layout = PortLayout.allocate(source, HTTP, ALL);
        }
        assertEquals(layout.all().size(), new HashSet<>(layout.all().values()).size());
    }

    @Test
    void aTakenFixedPortIsNamedWithItsRole() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            int base = FreePorts.findRange(PortLayout.size(1, 1, 1));
            taken.bind(new InetSocketAddress(base + 3));
            PortInUseException error = assertThrows(PortInUseException.class, () -> {
                try (PortSource source = PortSource.fixed(base)) {
                    PortLayout.allocate(source, HTTP, ALL);
                }
            });
            assertEquals("port " + taken.getLocalPort() + " (--port-base " + base + " + 3, for cache-gateway-1 HTTP)"
                    + " is in use; pick another --port-base", error.getMessage());
        }
    }

    @Test
    void anUnknownRoleIsAnError() throws Exception {
        PortLayout layout;
        try (PortSource source = PortSource.free()) {
            layout = PortLayout.allocate(source, HTTP, ALL);
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> layout.adminPort("x"));
        assertEquals(true, error.getMessage().startsWith("no port for x:admin in "));
    }
}
