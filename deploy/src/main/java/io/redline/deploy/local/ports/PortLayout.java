package io.redline.deploy.local.ports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of one local platform, in a fixed order so that {@code --port-base P} is predictable: {@code P} Redis
 * (when the runner starts it), {@code P+1} the demo origin, {@code P+2} the dashboard page, then the gateways'
 * HTTP ports, the chat-nodes' HTTP ports, and then the admin port of every process in the order gateways,
 * chat-nodes, workers, stats-job serve, stats-job run.
 */
public final class PortLayout {

    public static final String REDIS = "redis";
    public static final String ORIGIN = "demo-origin";
    public static final String STATS_PAGE = "stats-page";

    private final Map<String, Integer> ports;

    private PortLayout(Map<String, Integer> ports) {
        this.ports = Collections.unmodifiableMap(ports);
    }

    /** How many ports a layout takes. */
    public static int size(int gateways, int chatNodes, int workers) {
        return 3 + 2 * gateways + 2 * chatNodes + workers + 2;
    }

    /**
     * @param processes the admin ports' owners, in order; {@code httpProcesses} those that also serve HTTP
     */
    public static PortLayout allocate(PortSource source, Iterable<String> httpProcesses, Iterable<String> processes)
            throws PortInUseException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String role : new String[] {REDIS, ORIGIN, STATS_PAGE}) {
            ports.put(role, source.next(role));
        }
        for (String process : httpProcesses) {
            ports.put(http(process), source.next(process + " HTTP"));
        }
        for (String process : processes) {
            ports.put(admin(process), source.next(process + " admin"));
        }
        return new PortLayout(ports);
    }

    public int port(String role) {
        Integer port = ports.get(role);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + role + " in " + ports.keySet());
        }
        return port;
    }

    public int httpPort(String process) {
        return port(http(process));
    }

    public int adminPort(String process) {
        return port(admin(process));
    }

    private static String http(String process) {
        return process + ":http";
    }

    private static String admin(String process) {
        return process + ":admin";
    }

    public Map<String, Integer> all() {
        return ports;
    }
}
