package io.redline.core.bench;

import io.redline.core.json.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints results as a table, or with {@code --json} as one JSON object per scenario and line. */
public final class BenchReport {

    private final PrintStream out;
    private final boolean json;
    private final List<BenchResult> results = new ArrayList<>();

    public BenchReport(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Adds a result and prints it at once (a long run shows progress). */
    public void add(BenchResult result) {
        results.add(result);
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("scenario", result.scenario());
            line.put("operations", result.operations());
            line.put("opsPerSec", round(result.opsPerSec()));
            line.put("p50Micros", round(result.p50Micros()));
            line.put("p99Micros", round(result.p99Micros()));
            line.putAll(new TreeMap<>(result.extra()));
            out.println(Json.write(line));
            return;
        }
        if (results.size() == 1) {
            out.printf("%-28s %12s %12s %12s  %s%n", "scenario", "ops/s", "p50 us", "p99 us", "notes");
        }
        out.printf("%-28s %12.0f %12.1f %12.1f  %s%n", result.scenario(), result.opsPerSec(), result.p50Micros(),
                result.p99Micros(), new TreeMap<>(result.extra()));
    }

    public List<BenchResult> results() {
        return List.copyOf(results);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
