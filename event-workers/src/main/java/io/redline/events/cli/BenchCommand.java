package io.redline.events.cli;

import io.redline.core.bench.BenchReport;
import io.redline.core.process.OneShot;
import io.redline.events.bench.EventsBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench [--orders N] [--json]}: see {@link EventsBench}. */
@Command(name = "bench", description = "End-to-end events/s with 2 members beside the seed-style loop; reclaim time.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--orders", defaultValue = "10000", description = "orders per scenario (3 events each)")
    int orders;

    @Option(names = "--json", description = "one JSON object per scenario and line")
    boolean json;

    @Override
    public Integer call() {
        return OneShot.run("bench", (redis, keys, config) -> {
            EventsBench bench = new EventsBench(redis);
            try {
                bench.run(new BenchReport(System.out, json), orders);
            } finally {
                bench.cleanUp();
            }
            return 0;
        });
    }
}
