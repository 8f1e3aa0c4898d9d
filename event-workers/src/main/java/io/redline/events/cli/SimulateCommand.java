package io.redline.events.cli;

import io.redline.core.cli.OptionValues;
import io.redline.core.cli.Progress;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.json.Json;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.OneShot;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Produces a realistic flow of orders that has already happened (each order's shipment at or before now);
 * prints what a correct consumer must end with, as JSON.
 */
@Command(name = "simulate", description = "Write N orders (created, paid, shipped; all at or before now) and print"
        + " the expected figures.")
final class SimulateCommand implements Callable<Integer>, ReadsEnvironment {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", required = true, converter = OptionValues.Positive.class,
            description = "how many orders")
    int orders;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0", converter = OptionValues.NotNegative.class,
            description = "events per second (default: 0, as fast as possible)")
    int rate;

    @Option(names = "--shuffle", description = "write the events of all orders in random order")
    boolean shuffle;

    @Option(names = "--duplicates", paramLabel = "P", defaultValue = "0", converter = OptionValues.Probability.class,
            description = "probability from 0 to 1 that an event is written twice (default: 0)")
    double duplicates;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: random)")
    Long seed;

    @Option(names = "--prefix", paramLabel = "ID", description = "order id prefix (default: random)")
    String prefix;

    Clock clock = Clock.systemUTC();

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
    }

    @Override
    public Integer call() {
        return ProducerSpan.run("simulate", () -> OneShot.run(spec.qualifiedName(" "), (redis, keys, config) -> {
            String ids = prefix != null ? prefix : "sim" + UUID.randomUUID().toString().substring(0, 6);
            SimulatedOrders flow = SimulatedOrders.generate(ids, orders, shuffle, duplicates,
                    seed != null ? seed : System.nanoTime(), clock.instant());
            Progress progress = Progress.onStandardError("simulate", "events");
            new Producer(redis, keys).write(flow.events(), rate, written -> progress.update(written,
                    flow.events().size()));
            progress.finish(flow.events().size(), flow.events().size());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("orders", orders);
            summary.put("events", flow.events().size());
            summary.put("orderIdPrefix", ids);
            summary.put("revenueCentsByDay", flow.revenueCents());
            summary.put("unitsBySku", flow.units());
            System.out.println(Json.write(summary));
            return 0;
        }));
    }
}
