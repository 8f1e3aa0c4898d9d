package io.redline.core.bench;

import java.time.Duration;

/**
 * The options every bench command takes: {@code --concurrency N} (default 16), {@code --seconds S} per scenario
 * and round (default 5), {@code --warmup S} (default 2), {@code --rounds N} of compared scenarios (default 3),
 * {@code --json}.
 *
 * @param concurrency concurrent callers
 * @param measured measured period per scenario
 * @param warmup unmeasured period before it
 * @param rounds rounds of interleaved runs for scenarios that are compared with each other
 * @param json one JSON object per line instead of a table
 */
public record BenchArgs(int concurrency, Duration measured, Duration warmup, int rounds, boolean json) {

    public static BenchArgs parse(String... args) {
        int concurrency = 16;
        Duration measured = Duration.ofSeconds(5);
        Duration warmup = Duration.ofSeconds(2);
        int rounds = 3;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--concurrency":
                    concurrency = positive(args, ++i);
                    break;
                case "--seconds":
                    measured = Duration.ofSeconds(positive(args, ++i));
                    break;
                case "--warmup":
                    warmup = Duration.ofSeconds(positive(args, ++i));
                    break;
                case "--rounds":
                    rounds = positive(args, ++i);
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option \"" + args[i]
                            + "\"; options are --concurrency N, --seconds S, --warmup S, --rounds N, --json");
            }
        }
        return new BenchArgs(concurrency, measured, warmup, rounds, json);
    }

    public LoadRun loadRun() {
        return new LoadRun(concurrency, warmup, measured);
    }

    private static int positive(String[] args, int index) {
        if (index >= args.length || !args[index].matches("\\d{1,6}") || Integer.parseInt(args[index]) < 1) {
            throw new IllegalArgumentException(args[index - 1] + " takes a whole number > 0, but was "
                    + (index >= args.length ? "nothing" : "\"" + args[index] + "\""));
        }
        return Integer.parseInt(args[index]);
    }
}
