package io.redline.deploy.local;

import io.redline.deploy.local.status.Terminal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redline up}: the options; {@link LocalPlatform} does the work. */
@Command(name = "up", mixinStandardHelpOptions = true, description = {"Starts the whole platform on this machine: Redis, a demo origin, cache-gateways, chat-nodes,"
                + " event-workers and the stats job, with demo traffic. Ctrl-C stops everything.",
                "",
                "Redis: REDIS_URL (or --redis-url) if set, with REDIS_MODE and REDIS_SENTINEL_MASTER; else a"
                        + " redis-server on PATH; else the Redis 6.2 that the runner ships. REDLINE_NAMESPACE and"
                        + " REDLINE_JVM_OPTS (the children's JVM options) are read too."},
        sortOptions = false)
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--no-traffic", description = "start the processes but drive no demo traffic")
    boolean noTraffic;

    @Option(names = "--data", paramLabel = "DIR",
            description = "keep Redis's data here (AOF on) across runs; default: a temporary folder")
    Path data;

    @Option(names = "--gateways", paramLabel = "N", defaultValue = "2", description = "cache-gateways (1-8; default 2)")
    int gateways;

    @Option(names = "--chat-nodes", paramLabel = "N", defaultValue = "2", description = "chat-nodes (1-8; default 2)")
    int chatNodes;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
            description = "event-worker processes of 2 consumers each (1-8; default 2)")
    int workers;

    @Option(names = "--port-base", paramLabel = "P",
            description = "use the ports P, P+1, ... in a fixed order (see README) instead of free ones")
    Integer portBase;

    @Option(names = "--redis-url", paramLabel = "URL", description = "an existing Redis (wins over REDIS_URL)")
    String redisUrl;

    @Option(names = "--restart", description = "restart a process that dies")
    boolean restart;

    @Option(names = "--logs", paramLabel = "DIR",
            description = "where the log files and platform.json go; default: a new temporary folder")
    Path logs;

    @Option(names = "--jars", paramLabel = "DIR",
            description = "where the process jars are; default: the build's MODULE/target folders")
    Path jars;

    @Override
    public Integer call() {
        UpSettings.Parsed parsed = UpSettings.parse(this, System.getenv());
        if (!parsed.errors().isEmpty()) {
            parsed.errors().forEach(error -> System.err.println("redline up: " + error));
            return LocalPlatform.EXIT_USAGE;
        }
        return new LocalPlatform(parsed.settings(), Terminal.system(), System.err, System.getenv()).run();
    }
}
