package io.redline.gateway.bench;

import io.redline.core.bench.BenchArgs;
import io.redline.core.bench.BenchReport;
import io.redline.core.bench.BenchResult;
import io.redline.core.bench.LoadRun;
import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.ProcessMain;
import io.redline.core.redis.RedissonConfigs;
import java.util.List;
import java.util.UUID;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

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
        CommonConfig common;
        try {
            options = BenchArgs.parse(args);
            ConfigReader reader = new ConfigReader(Env.system());
            common = CommonConfig.read(reader);
            reader.throwIfInvalid();
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage().replace("\n", "\nbench: "));
            return ProcessMain.EXIT_CONFIG;
        }
        String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        RedlineKeys keys = new RedlineKeys(new KeyNamespace(namespace));
        RedissonClient redis = Redisson.create(RedissonConfigs.create(common.redis(), "gateway-bench"));
        BenchReport report = new BenchReport(System.out, options.json());
        try {
            LoadRun load = options.loadRun();
            Scenarios scenarios = new Scenarios(redis, common.redis(), keys);
            List<BenchResult> limiters = scenarios.limiters(load, options.rounds());
            limiters.forEach(report::add);
            List<BenchResult> reads = scenarios.reads(load, options.rounds());
            reads.forEach(report::add);
            report(report, scenarios.stampede(options.concurrency()));
            report(report, Scenarios.summary(limiters.get(0), limiters.get(1), reads.get(0), reads.get(1),
                    options.concurrency()));
            return 0;
        } catch (Exception e) {
            System.err.println("bench: failed: " + e);
            return ProcessMain.EXIT_FAILURE;
        } finally {
            redis.getKeys().deleteByPattern(namespace + ":*");
            redis.shutdown();
        }
    }

    private static BenchResult report(BenchReport report, BenchResult result) {
        report.add(result);
        return result;
    }
}
