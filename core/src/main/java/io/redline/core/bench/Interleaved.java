package io.redline.core.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scenarios compared side by side on a noisy machine: several rounds, each running every scenario once, in
 * alternating order so that neither always goes first; each figure reported is the median over the rounds.
 */
public final class Interleaved {

    /**
     * A scenario to compare.
     *
     * @param name its name
     * @param operation what one operation does
     */
    public record Scenario(String name, LoadRun.Operation operation) {
    }

    private Interleaved() {
    }

    /** @return one result per scenario, in the order given, each the median of {@code rounds} runs */
    public static List<BenchResult> run(LoadRun load, int rounds, List<Scenario> scenarios) throws Exception {
        List<List<BenchResult>> perScenario = new ArrayList<>();
        scenarios.forEach(s -> perScenario.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < scenarios.size(); i++) {
                int index = round % 2 == 0 ? i : scenarios.size() - 1 - i;
                Scenario scenario = scenarios.get(index);
                perScenario.get(index).add(load.run(scenario.name(), scenario.operation()));
            }
        }
        List<BenchResult> medians = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            List<BenchResult> runs = perScenario.get(i);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("rounds", rounds);
            extra.put("opsPerSecByRound", runs.stream().map(r -> Math.round(r.opsPerSec())).collect(Collectors.toList()));
            medians.add(new BenchResult(scenarios.get(i).name(),
                    runs.stream().mapToLong(BenchResult::operations).sum(),
                    median(runs.stream().mapToDouble(BenchResult::opsPerSec).toArray()),
                    median(runs.stream().mapToDouble(BenchResult::p50Micros).toArray()),
                    median(runs.stream().mapToDouble(BenchResult::p99Micros).toArray()), extra));
        }
        return medians;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
