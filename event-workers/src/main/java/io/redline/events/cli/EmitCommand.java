package io.redline.events.cli;

import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.OneShot;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.event.EventFields;
import io.redline.events.event.EventParser;
import io.redline.events.event.PoisonEventException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes one event, exactly as any producer would, and prints its id; an event the workers would dead-letter is
 * refused before anything is written, by the same {@link EventParser}.
 */
@Command(name = "emit", description = "Check one event as the workers would, write it to events:ecommerce and"
        + " print its id; an event they would dead-letter is refused (exit 2) and nothing is written.")
final class EmitCommand implements Callable<Integer>, ReadsEnvironment {

    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", required = true,
            description = "order.created, order.paid or order.shipped")
    String type;

    @Option(names = "--payload", paramLabel = "JSON", required = true,
            description = "the payload, a JSON object with orderId (and items and total for order.created, amount"
                    + " for order.paid)")
    String payload;

    @Option(names = "--timestamp", paramLabel = "MS", description = "Unix milliseconds (default: now)")
    String timestamp;

    Clock clock = Clock.systemUTC();

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
    }

    @Override
    public Integer call() {
        Map<String, String> fields = EventFields.of(type, payload,
                timestamp == null ? String.valueOf(clock.millis()) : timestamp);
        try {
            EventParser.parse(fields);
        } catch (PoisonEventException e) {
            throw new ParameterException(spec.commandLine(), "refused, the workers would dead-letter it: "
                    + e.getMessage());
        }
        return ProducerSpan.run("emit", () -> OneShot.run(spec.qualifiedName(" "), (redis, keys, config) -> {
            StreamMessageId id = ConsumerGroup.stream(redis, keys).add(StreamAddArgs.entries(
                    EventFields.traced(fields)));
            System.out.println(id);
            return 0;
        }));
    }
}
