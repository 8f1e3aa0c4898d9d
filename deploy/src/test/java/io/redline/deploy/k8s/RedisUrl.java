package io.redline.deploy.k8s;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a REDIS_URL (docs/configuration.md) that the KEDA trigger must agree with: the addresses, TLS, and
 * whether there is a password. Only what the manifests' checks need; the processes' own parser is in core.
 */
record RedisUrl(List<String> addresses, boolean tls, boolean hasPassword) {

    static RedisUrl parse(String url, int defaultPort) {
        List<String> addresses = new ArrayList<>();
        boolean tls = url.startsWith("rediss://");
        boolean password = false;
        for (String part : url.split(",")) {
            String rest = part.trim().replaceFirst("^rediss?://", "");
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = rest.substring(0, at);
                int colon = userInfo.indexOf(':');
                password |= colon >= 0 && colon < userInfo.length() - 1;
                rest = rest.substring(at + 1);
            }
            int slash = rest.indexOf('/');
            String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
            addresses.add(hostPort.matches(".*:\\d+$") ? hostPort : hostPort + ":" + defaultPort);
        }
        return new RedisUrl(List.copyOf(addresses), tls, password);
    }
}
