package io.redline.gateway.bench;

import io.redline.core.bench.BenchOptions;
import io.redline.core.bench.BenchReport;
import io.redline.core.bench.BenchResult;
import io.redline.core.bench.LoadRun;
import io.redline.core.cli.OptionValues;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.OneShot;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs every gateway scenario against {@code REDIS_URL} at one concurrency and prints them side by side. Keys live
 * under a namespace of their own ({@code bench-<random>}) and are deleted afterwards.
 */
@Command(name = "bench", description = "Run every gateway scenario against REDIS_URL and print them side by side.")
public final class GatewayBench implements Callable<Integer>, ReadsEnvironment {

    @Spec
    CommandSpec spec;

    @Mixin
    BenchOptions options;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", converter = OptionValues.Positive.class,
            description = "rounds of interleaved runs of the scenarios compared with each other (default: 3)")
    int rounds;

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
    }

    /** @return the exit code */
    @Override
    public Integer call() {
        return OneShot.run(spec.qualifiedName(" "), (redis, liveKeys, config) -> {
            String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            RedlineKeys keys = new RedlineKeys(new KeyNamespace(namespace));
            BenchReport report = new BenchReport(System.out, options.json());
            try {
                LoadRun load = options.loadRun();
                Scenarios scenarios = new Scenarios(redis, config.redis(), keys);
                List<BenchResult> limiters = scenarios.limiters(load, rounds);
                limiters.forEach(report::add);
                List<BenchResult> reads = scenarios.reads(load, rounds);
                reads.forEach(report::add);
                report.add(scenarios.stampede(options.concurrency()));
                report.add(Scenarios.summary(limiters.get(0), limiters.get(1), reads.get(0), reads.get(1),
                        reads.get(2), options.concurrency()));
                return 0;
            } finally {
                redis.getKeys().deleteByPattern(namespace + ":*");
            }
        });
    }
}
