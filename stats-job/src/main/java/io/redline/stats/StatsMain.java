package io.redline.stats;

import io.redline.core.bench.BenchReport;
import io.redline.core.bench.BenchResult;
import io.redline.core.cli.CommandLines;
import io.redline.core.cli.OptionValues;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.http.JettyServer;
import io.redline.core.json.Json;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.OneShot;
import io.redline.core.process.ProcessMain;
import io.redline.core.redis.RedisEndpoint;
import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedisUrl;
import io.redline.core.redis.RedissonConfigs;
import io.redline.stats.compare.Comparison;
import io.redline.stats.compare.DelayProxy;
import io.redline.stats.compare.ProxyTap;
import io.redline.stats.dashboard.DashboardReader;
import io.redline.stats.dashboard.DashboardRun;
import io.redline.stats.dashboard.DashboardStore;
import io.redline.stats.dashboard.WrongTypeException;
import io.redline.stats.metrics.LatestDashboard;
import io.redline.stats.metrics.RunMetrics;
import io.redline.stats.web.StatsPage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar redline-stats-job.jar run [--every D] | compare [...] | serve}; no command is {@code run}. */
@Command(name = "redline-stats-job", description = "The dashboard in one Redis pipeline. Without a command: run.",
        subcommands = {StatsMain.Run.class, StatsMain.Compare.class, StatsMain.Serve.class})
public final class StatsMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args.length == 0 ? new String[] {"run"} : args));
    }

    /** The command line, as every Redline jar has it (see {@link CommandLines}). */
    public static CommandLine commandLine() {
        return CommandLines.create(new StatsMain());
    }

    /** {@code run}: read, store, print; with {@code --every}, a process that does it on a schedule. */
    @Command(name = "run", description = "Read the dashboard in one pipeline, store it and print it as JSON.")
    static final class Run implements Callable<Integer>, ReadsEnvironment {

        @Spec
        CommandSpec spec;

        @Option(names = "--every", paramLabel = "D", converter = OptionValues.Interval.class,
                description = "run again after this pause, as a process with admin endpoints (60s, 5m, ...;"
                        + " at least 1s)")
        Duration every;

        @Override
        public void readEnvironment(ConfigReader reader) {
            CommonConfig.read(reader);
        }

        @Override
        public Integer call() {
            if (every != null) {
                Duration interval = every;
                ProcessMain.run("stats-job", reader -> context -> List.of(new ScheduledRuns(new DashboardRun(
                        context.redis(), context.keys(), context.clock(), lockTtl(interval)), interval,
                        new RunMetrics(context.metrics()), context.clock())));
                return 0;
            }
            String name = spec.qualifiedName(" ");
            return OneShot.run(name, (redis, keys, config) -> {
                try {
                    return new DashboardRun(redis, keys, Clock.systemUTC(), Duration.ofSeconds(30)).run()
                            .map(dashboard -> {
                                System.out.println(Json.write(dashboard));
                                return 0;
                            }).orElseGet(() -> {
                                System.err.println(name + ": another run holds the dashboard lock; nothing done");
                                return 0;
                            });
                } catch (WrongTypeException e) {
                    System.err.println(name + ": " + e.getMessage());
                    return ProcessMain.EXIT_FAILURE;
                }
            });
        }

        private static Duration lockTtl(Duration interval) {
            return interval.compareTo(Duration.ofSeconds(30)) < 0 ? interval : Duration.ofSeconds(30);
        }
    }

    /** {@code compare}: pipelined against sequential, optionally through a delaying proxy. */
    @Command(name = "compare", description = "Time the dashboard's reads with and without the pipeline.")
    static final class Compare implements Callable<Integer>, ReadsEnvironment {

        @Spec
        CommandSpec spec;

        @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
                converter = OptionValues.Positive.class, description = "timed reads of each kind (default: 1000)")
        int iterations;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "100", converter = OptionValues.NotNegative.class,
                description = "untimed reads first (default: 100)")
        int warmup;

        @Option(names = "--latency", paramLabel = "MS", defaultValue = "0",
                converter = OptionValues.NotNegativeLong.class,
                description = "ms added to each direction by a local proxy (default: 0, no proxy)")
        long latency;

        @Option(names = "--json", description = "one JSON object per line")
        boolean json;

        @Override
        public void readEnvironment(ConfigReader reader) {
            CommonConfig.read(reader);
        }

        @Override
        public Integer call() {
            String name = spec.qualifiedName(" ");
            return OneShot.run(name, (direct, keys, config) -> {
                if (latency == 0) {
                    report(new Comparison(direct, new DashboardReader(direct, keys, Clock.systemUTC()),
                            config.redis().mode()));
                    return 0;
                }
                if (config.redis().mode() != RedisMode.SINGLE) {
                    System.err.println(name + ": --latency needs REDIS_MODE=single (a proxy per cluster node is"
                            + " not built)");
                    return ProcessMain.EXIT_CONFIG;
                }
                RedisUrl url = config.redis().url();
                try (DelayProxy proxy = new DelayProxy(url.endpoints().get(0).host(), url.endpoints().get(0).port(),
                        Duration.ofMillis(latency), ProxyTap.NONE)) {
                    RedisUrl proxied = new RedisUrl(List.of(new RedisEndpoint(
                            url.endpoints().get(0).tls(), "127.0.0.1", proxy.port())), url.username(), url.password(),
                            url.database());
                    RedissonClient redis = Redisson.create(RedissonConfigs.create(new RedisSettings(RedisMode.SINGLE,
                            proxied, null), "compare"));
                    try {
                        report(new Comparison(redis, new DashboardReader(redis, keys, Clock.systemUTC()),
                                RedisMode.SINGLE));
                    } finally {
                        redis.shutdown();
                    }
                }
                return 0;
            });
        }

        private void report(Comparison comparison) {
            BenchReport report = new BenchReport(System.out, json);
            for (BenchResult result : comparison.run(warmup, iterations, latency)) {
                report.add(result);
            }
        }
    }

    /** {@code serve}: the page and its JSON, as a process with admin endpoints. */
    @Command(name = "serve", description = "Serve the dashboard page on HTTP_PORT.")
    static final class Serve implements Callable<Integer>, ReadsEnvironment {

        @Override
        public void readEnvironment(ConfigReader reader) {
            CommonConfig.read(reader);
            httpPort(reader);
        }

        @Override
        public Integer call() {
            ProcessMain.run("stats-job", reader -> {
                int port = httpPort(reader);
                return context -> {
                    DashboardStore store = new DashboardStore(context.redis(), context.keys());
                    LatestDashboard.watch(context.metrics(), store);
                    return List.of(new JettyServer("stats-http", port, 20, new StatsPage(store,
                            new DashboardReader(context.redis(), context.keys(), context.clock())),
                            context.config().shutdownGrace()));
                };
            });
            return 0;
        }

        private static int httpPort(ConfigReader reader) {
            return reader.port("HTTP_PORT", 8080);
        }
    }
}
