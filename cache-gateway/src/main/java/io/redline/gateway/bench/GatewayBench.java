package io.redline.gateway.bench;

import io.redline.core.bench.BenchArgs;
import io.redline.core.bench.BenchReport;
import io.redline.core.bench.BenchResult;
import io.redline.core.bench.LoadRun;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.process.OneShot;
import io.redline.core.process.ProcessMain;
import java.util.List;
import java.util.UUID;

/**
 * Runs every gateway scenario against {@code REDIS_URL} at one concurrency and prints them side by side. Keys live
 * under a namespace of their own ({@code bench-<random>}) and are deleted afterwards.
 */
public final class GatewayBench {

    private GatewayBench() {
    }

    /** @return the exit code */
    public static int run(String... args) {
        BenchArgs options;
        try {
            options = BenchArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return ProcessMain.EXIT_CONFIG;
        }
        return OneShot.run("bench", (redis, liveKeys, config) -> {
            String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            RedlineKeys keys = new RedlineKeys(new KeyNamespace(namespace));
            BenchReport report = new BenchReport(System.out, options.json());
            try {
                LoadRun load = options.loadRun();
                Scenarios scenarios = new Scenarios(redis, config.redis(), keys);
                List<BenchResult> limiters = scenarios.limiters(load, options.rounds());
                limiters.forEach(report::add);
                List<BenchResult> reads = scenarios.reads(load, options.rounds());
                reads.forEach(report::add);
                report.add(scenarios.stampede(options.concurrency()));
                report.add(Scenarios.summary(limiters.get(0), limiters.get(1), reads.get(0), reads.get(1),
                        options.concurrency()));
                return 0;
            } finally {
                redis.getKeys().deleteByPattern(namespace + ":*");
            }
        });
    }
}
