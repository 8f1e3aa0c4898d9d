package io.redline.events.cli;

import io.redline.core.bench.BenchReport;
import io.redline.core.cli.OptionValues;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.OneShot;
import io.redline.events.bench.EventsBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench [--orders N] [--json]}: see {@link EventsBench}. */
@Command(name = "bench", description = "End-to-end events/s with 2 members beside the seed-style loop; reclaim time.")
final class BenchCommand implements Callable<Integer>, ReadsEnvironment {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "10000", converter = OptionValues.Positive.class,
            description = "orders per scenario, 3 events each (default: 10000)")
    int orders;

    @Option(names = "--json", description = "one JSON object per scenario and line")
    boolean json;

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
    }

    @Override
    public Integer call() {
        return OneShot.run(spec.qualifiedName(" "), (redis, keys, config) -> {
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
