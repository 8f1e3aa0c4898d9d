package io.redline.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 from 10000 to 22767, so that a Redis Cluster node's bus port (port + 10000) is below
 * 32768 too: Linux hands out ephemeral ports (every outgoing connection's local port) from 32768, and on a busy
 * machine one of those would take a port between its check and its use. A port is only free when checked: callers
 * retry if a server then fails to bind it.
 */
public final class FreePorts {

    public static final int HIGHEST = 22_767;
    private static final int LOWEST = 10_000;
    private static final int CLUSTER_BUS_OFFSET = 10_000;

    private FreePorts() {
    }

    /** A port that is free, and whose port + 10000 is free as well. */
    public static int find() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            if (isFree(port) && isFree(port + CLUSTER_BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair found between " + LOWEST + " and " + HIGHEST);
    }

    /** The first of {@code count} consecutive free ports, for a layout of ports from one base. */
    public static int findRange(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 2 - count);
            boolean free = true;
            for (int port = base; free && port < base + count; port++) {
                free = isFree(port);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " free ports in a row between " + LOWEST + " and " + HIGHEST);
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
