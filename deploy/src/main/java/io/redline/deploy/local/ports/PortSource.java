package io.redline.deploy.local.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Hands out the ports of a layout, in order. */
public interface PortSource extends AutoCloseable {

    int next(String role) throws PortInUseException;

    /** Lets go of anything held to reserve the ports, just before the processes bind them. */
    @Override
    void close();

    /** {@code base}, {@code base + 1}, ...: each must be free on every interface, or the runner stops. */
    static PortSource fixed(int base) {
        return new PortSource() {
            private int offset;

            @Override
            public int next(String role) throws PortInUseException {
                int port = base + offset;
                try (ServerSocket probe = new ServerSocket()) {
                    probe.bind(new InetSocketAddress(port));
                } catch (IOException e) {
                    throw new PortInUseException("port " + port + " (--port-base " + base + " + " + offset + ", for "
                            + role + ") is in use; pick another --port-base");
                } finally {
                    offset++;
                }
                return port;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /**
     * Ports the kernel picks. Each stays bound until {@link #close()}, so that one layout never gets a port twice;
     * the kernel hands out ephemeral ports in turn, so a second runner started at once gets other ones.
     */
    static PortSource free() {
        return new PortSource() {
            private final List<ServerSocket> held = new ArrayList<>();

            @Override
            public int next(String role) throws PortInUseException {
                try {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    held.add(socket);
                    return socket.getLocalPort();
                } catch (IOException e) {
                    throw new PortInUseException("no free port for " + role + ": " + e.getMessage());
                }
            }

            @Override
            public void close() {
                for (ServerSocket socket : held) {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        // closing a listening socket that accepted nothing does not fail in practice
                    }
                }
                held.clear();
            }
        };
    }
}
