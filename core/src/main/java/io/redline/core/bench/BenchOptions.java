package io.redline.core.bench;

import io.redline.core.cli.OptionValues;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every bench command takes, as a picocli mixin: {@code --concurrency N} (default 16),
 * {@code --seconds S} per scenario and round (default 5), {@code --warmup S} (default 2), {@code --json}.
 */
public final class BenchOptions {

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
            converter = OptionValues.Positive.class, description = "concurrent callers (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", converter = OptionValues.Positive.class,
            description = "measured seconds per scenario and round (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "2", converter = OptionValues.NotNegative.class,
            description = "unmeasured seconds before each (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--json", description = "one JSON object per line instead of a table")
    boolean json;

    public int concurrency() {
        return concurrency;
    }

    public Duration measured() {
        return Duration.ofSeconds(seconds);
    }

    public Duration warmup() {
        return Duration.ofSeconds(warmup);
    }

    public boolean json() {
        return json;
    }

    public LoadRun loadRun() {
        return new LoadRun(concurrency, warmup(), measured());
    }
}
