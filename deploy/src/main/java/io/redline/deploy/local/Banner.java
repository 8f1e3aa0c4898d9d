package io.redline.deploy.local;

import io.redline.deploy.local.ports.PortLayout;
import io.redline.deploy.local.process.ChildProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the runner prints once everything is ready: the URLs a person opens, the processes and their logs. */
final class Banner {

    private Banner() {
    }

    static List<String> lines(RedisInUse redis, PortLayout ports, List<ChildProcess> children, Path logs,
                              boolean traffic) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Redline is up: " + children.size() + " processes on Redis " + redis.version() + " at "
                + redis.maskedUrl() + " (" + redis.source() + ")");
        lines.add("");
        lines.add(row("Chat", urls(children, Member.CHAT, "/")));
        lines.add(row("Dashboard", "http://127.0.0.1:" + ports.port(PortLayout.STATS_PAGE) + "/"));
        lines.add(row("Gateway", urls(children, Member.GATEWAY, "/products")));
        lines.add(row("Demo origin", "http://127.0.0.1:" + ports.port(PortLayout.ORIGIN) + "/"));
        lines.add(row("Traffic", traffic
                ? "shoppers through the gateways, 4 chat bots in general and deals, a new order every 0.8 s"
                : "none (--no-traffic)"));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "  %-18s %-8s %-38s %s", "process", "pid", "metrics", "log"));
        for (ChildProcess child : children) {
            lines.add(String.format(Locale.ROOT, "  %-18s %-8d %-38s %s", child.name(), child.pid(),
                    "http://127.0.0.1:" + child.spec().adminPort() + "/metrics", child.spec().log()));
        }
        lines.add("");
        lines.add("Logs and " + PlatformFile.NAME + " (PIDs and ports) are in " + logs
                + ". Ctrl-C stops everything.");
        lines.add("");
        return lines;
    }

    private static String urls(List<ChildProcess> children, String module, String path) {
        return children.stream().filter(child -> child.name().startsWith(module + "-"))
                .map(child -> "http://127.0.0.1:" + child.spec().environment().get("HTTP_PORT") + path)
                .collect(Collectors.joining("   "));
    }

    private static String row(String what, String value) {
        return String.format(Locale.ROOT, "  %-12s %s", what, value);
    }
}
