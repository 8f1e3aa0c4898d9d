package io.redline.stats.compare;

import io.redline.core.bench.BenchResult;
import io.redline.core.bench.Latencies;
import io.redline.core.bench.LatencySummary;
import io.redline.core.redis.RedisMode;
import io.redline.stats.dashboard.DashboardReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;

/**
 * The dashboard's reads pipelined and sequential, and a lone {@code PING}, each run {@code iterations} times after
 * a warm-up, one after the other on one client: median, 99th percentile and mean of each, and their ratios.
 */
public final class Comparison {

    private final RedissonClient redis;
    private final DashboardReader reader;
    private final RedisMode mode;

    public Comparison(RedissonClient redis, DashboardReader reader, RedisMode mode) {
        this.redis = redis;
        this.reader = reader;
        this.mode = mode;
    }

    /** @return pipelined, sequential, ping, then a summary with the ratios */
    public List<BenchResult> run(int warmup, int iterations, long latencyMillis) {
        Runnable pipelined = reader::pipelined;
        Runnable sequential = reader::sequential;
        Runnable ping = mode == RedisMode.CLUSTER
                ? () -> redis.getRedisNodes(RedisNodes.CLUSTER).getMasters().iterator().next().ping()
                : mode == RedisMode.SENTINEL
                ? () -> redis.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster().ping()
                : () -> redis.getRedisNodes(RedisNodes.SINGLE).getInstance().ping();
        for (int i = 0; i < warmup; i++) {
            pipelined.run();
            sequential.run();
            ping.run();
        }
        BenchResult piped = time("dashboard.pipelined", pipelined, iterations, latencyMillis);
        BenchResult oneByOne = time("dashboard.sequential", sequential, iterations, latencyMillis);
        BenchResult lone = time("redis.ping", ping, iterations, latencyMillis);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("latencyMillisEachWay", latencyMillis);
        summary.put("sequentialOverPipelinedP50", ratio(oneByOne.p50Micros(), piped.p50Micros()));
        summary.put("pipelinedOverPingP50", ratio(piped.p50Micros(), lone.p50Micros()));
        summary.put("readsPerDashboard", reader.readsPerDashboard());
        summary.put("redisMode", mode.name().toLowerCase(Locale.ROOT));
        return List.of(piped, oneByOne, lone, new BenchResult("summary", 0, 0, 0, 0, summary));
    }

    private static BenchResult time(String scenario, Runnable operation, int iterations, long latencyMillis) {
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long begin = System.nanoTime();
            operation.run();
            latencies.record(System.nanoTime() - begin);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LatencySummary figures = latencies.interval();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("iterations", iterations);
        extra.put("meanMicros", Math.round(figures.meanMicros() * 10) / 10.0);
        extra.put("latencyMillisEachWay", latencyMillis);
        return new BenchResult(scenario, iterations, iterations / seconds, figures.p50Micros(), figures.p99Micros(),
                extra);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : Math.round(a / b * 100) / 100.0;
    }
}
