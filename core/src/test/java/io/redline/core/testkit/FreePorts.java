package io.redline.core.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 below 55535, so that a Redis Cluster node's bus port (port + 10000) is valid too.
 * A port is only free when checked: callers retry if a server then fails to bind it.
 */
public final class FreePorts {

    public static final int HIGHEST = 55_534;
    private static final int LOWEST = 20_000;
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

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
