package io.redline.chat.bench;

import io.redline.core.bench.BenchOptions;
import io.redline.core.cli.OptionValues;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The chat bench's options: {@code --clients N} (default 50), {@code --senders S} (default 10), {@code --rate M}
 * messages per second in all (default 100, so 5,000 deliveries per second with 50 clients), and the common
 * {@code --concurrency}, {@code --seconds}, {@code --warmup}, {@code --json} of {@link BenchOptions}.
 */
final class ChatBenchArgs {

    @Option(names = "--clients", paramLabel = "N", defaultValue = "50", converter = OptionValues.Positive.class,
            description = "WebSocket clients, spread over the two nodes (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--senders", paramLabel = "S", defaultValue = "10", converter = OptionValues.Positive.class,
            description = "clients that send (default: ${DEFAULT-VALUE})")
    int senders;

    @Option(names = "--rate", paramLabel = "M", defaultValue = "100", converter = OptionValues.Positive.class,
            description = "messages sent per second in all, any whole number of at least 1"
                    + " (default: ${DEFAULT-VALUE})")
    int rate;

    @Mixin
    BenchOptions common;

    int clients() {
        return clients;
    }

    int senders() {
        return senders;
    }

    int rate() {
        return rate;
    }

    int concurrency() {
        return common.concurrency();
    }

    Duration measured() {
        return common.measured();
    }

    Duration warmup() {
        return common.warmup();
    }

    boolean json() {
        return common.json();
    }
}
