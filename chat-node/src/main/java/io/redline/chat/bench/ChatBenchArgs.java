package io.redline.chat.bench;

import io.redline.core.bench.BenchArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat bench's options: {@code --clients N} (default 50), {@code --senders S} (default 10), {@code --rate M}
 * messages per second in all (default 100, so 5,000 deliveries per second with 50 clients), and the common
 * {@code --concurrency}, {@code --seconds}, {@code --warmup}, {@code --json}.
 *
 * @param clients WebSocket clients, spread over the two nodes
 * @param senders clients that send
 * @param rate messages sent per second in all
 * @param common the common options
 */
record ChatBenchArgs(int clients, int senders, int rate, BenchArgs common) {

    static ChatBenchArgs parse(String... args) {
        int clients = 50;
        int senders = 10;
        int rate = 100;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients":
                    clients = positive(args, ++i);
                    break;
                case "--senders":
                    senders = positive(args, ++i);
                    break;
                case "--rate":
                    rate = positive(args, ++i);
                    break;
                default:
                    rest.add(args[i]);
            }
        }
        return new ChatBenchArgs(clients, senders, rate, BenchArgs.parse(rest.toArray(new String[0])));
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

    private static int positive(String[] args, int index) {
        if (index >= args.length || !args[index].matches("\\d{1,7}") || Integer.parseInt(args[index]) < 1) {
            throw new IllegalArgumentException(args[index - 1] + " takes a whole number > 0, but was "
                    + (index >= args.length ? "nothing" : "\"" + args[index] + "\""));
        }
        return Integer.parseInt(args[index]);
    }
}
