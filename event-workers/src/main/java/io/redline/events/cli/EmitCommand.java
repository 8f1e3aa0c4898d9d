package io.redline.events.cli;

import io.redline.core.process.OneShot;
import io.redline.events.consumer.ConsumerGroup;
import java.util.concurrent.Callable;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes one event, exactly as any producer would; prints its id. */
@Command(name = "emit", description = "Write one event to events:ecommerce and print its id.")
final class EmitCommand implements Callable<Integer> {

    @Option(names = "--type", required = true, description = "order.created, order.paid or order.shipped")
    String type;

    @Option(names = "--payload", required = true, description = "the payload JSON, with orderId")
    String payload;

    @Option(names = "--timestamp", description = "Unix milliseconds (default: now)")
    Long timestamp;

    @Override
    public Integer call() {
        return OneShot.run("emit", (redis, keys, config) -> {
            StreamMessageId id = ConsumerGroup.stream(redis, keys).add(StreamAddArgs.entries("type", type,
                    "payload", payload, "timestamp", String.valueOf(timestamp == null ? System.currentTimeMillis()
                            : timestamp)));
            System.out.println(id);
            return 0;
        });
    }
}
