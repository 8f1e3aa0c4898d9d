package io.redline.deploy.local.status;

import java.util.List;

/**
 * Where the status line reads each kind of process's {@code /metrics}.
 *
 * @param processes how many processes the platform has in all
 */
public record AdminPorts(List<Integer> gateways, List<Integer> chatNodes, List<Integer> workers, int processes) {

    public AdminPorts {
        gateways = List.copyOf(gateways);
        chatNodes = List.copyOf(chatNodes);
        workers = List.copyOf(workers);
    }
}
