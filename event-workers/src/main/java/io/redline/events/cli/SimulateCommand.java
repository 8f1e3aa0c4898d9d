package io.redline.events.cli;

import io.redline.core.json.Json;
import io.redline.core.process.OneShot;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedOrders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Produces a realistic flow of orders; prints what a correct consumer must end with, as JSON. */
@Command(name = "simulate", description = "Write N orders (created, paid, shipped) and print the expected figures.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--orders", required = true, description = "how many orders")
    int orders;

    @Option(names = "--rate", defaultValue = "0", description = "events per second (0: as fast as possible)")
    int rate;

    @Option(names = "--shuffle", description = "write the events of all orders in random order")
    boolean shuffle;

    @Option(names = "--duplicates", defaultValue = "0", description = "probability that an event is written twice")
    double duplicates;

    @Option(names = "--seed", description = "random seed (default: random)")
    Long seed;

    @Option(names = "--prefix", description = "order id prefix (default: random)")
    String prefix;

    @Override
    public Integer call() {
        if (orders < 1 || duplicates < 0 || duplicates > 1 || rate < 0) {
            System.err.println("simulate: --orders must be > 0, --duplicates from 0 to 1, --rate >= 0");
            return 2;
        }
        return OneShot.run("simulate", (redis, keys, config) -> {
            String ids = prefix != null ? prefix : "sim" + UUID.randomUUID().toString().substring(0, 6);
            SimulatedOrders flow = SimulatedOrders.generate(ids, orders, shuffle, duplicates,
                    seed != null ? seed : System.nanoTime(), Instant.now());
            new Producer(redis, keys).write(flow.events(), rate);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("orders", orders);
            summary.put("events", flow.events().size());
            summary.put("orderIdPrefix", ids);
            summary.put("revenueCentsByDay", flow.revenueCents());
            summary.put("unitsBySku", flow.units());
            System.out.println(Json.write(summary));
            return 0;
        });
    }
}
