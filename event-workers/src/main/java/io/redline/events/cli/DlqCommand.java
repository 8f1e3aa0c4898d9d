package io.redline.events.cli;

import io.redline.core.cli.CommandLines;
import io.redline.core.cli.OptionValues;
import io.redline.core.cli.Progress;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.json.Json;
import io.redline.core.json.RedisCodecs;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.OneShot;
import io.redline.events.deadletter.DeadLetterRequeue;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dlq list} and {@code dlq requeue [ID...]}; {@code dlq} alone is a usage error (exit 2). */
@Command(name = "dlq", description = "List or re-queue dead letters.", subcommands = {DlqCommand.ListDead.class,
    DlqCommand.Requeue.class})
final class DlqCommand {

    /** Prints dead letters as one JSON object per line. */
    @Command(name = "list", description = "Print the dead letters, one JSON object per line.")
    static final class ListDead implements Callable<Integer>, ReadsEnvironment {

        @Spec
        CommandSpec spec;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1000", converter = OptionValues.Positive.class,
                description = "at most this many (default: 1000)")
        int count;

        @Override
        public void readEnvironment(ConfigReader reader) {
            CommonConfig.read(reader);
        }

        @Override
        public Integer call() {
            return OneShot.run(spec.qualifiedName(" "), (redis, keys, config) -> {
                RStream<String, String> dlq = redis.getStream(keys.eventDeadLetters(), RedisCodecs.STRING);
                dlq.range(StreamRangeArgs.startId(StreamMessageId.MIN).endId(StreamMessageId.MAX).count(count))
                        .forEach((id, fields) -> {
                            Map<String, String> line = new LinkedHashMap<>();
                            line.put("id", id.toString());
                            line.putAll(fields);
                            System.out.println(Json.write(line));
                        });
                return 0;
            });
        }
    }

    /** Writes dead letters back to the stream as new entries (type, payload, timestamp) and removes them, once. */
    @Command(name = "requeue", description = "Write dead letters back to the stream (all, or the ids given).")
    static final class Requeue implements Callable<Integer>, ReadsEnvironment {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "ID",
                description = "dead-letter ids as dlq list prints them, such as 1732600000000-0 (default: all)")
        List<String> ids;

        @Override
        public void readEnvironment(ConfigReader reader) {
            CommonConfig.read(reader);
        }

        @Override
        public Integer call() {
            DeadLetterIds asked;
            try {
                asked = DeadLetterIds.parse(ids);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            String name = spec.qualifiedName(" ");
            return OneShot.run(name, (redis, keys, config) -> {
                List<String> unknown = asked.missingFrom(redis.getStream(keys.eventDeadLetters(), RedisCodecs.STRING));
                if (!unknown.isEmpty()) {
                    System.err.println(name + ": no such dead letter: " + String.join(", ", unknown)
                            + "; nothing re-queued (see: " + spec.root().name() + " dlq list)");
                    return CommandLines.EXIT_FAILURE;
                }
                RStream<String, String> dlq = redis.getStream(keys.eventDeadLetters(), RedisCodecs.STRING);
                DeadLetterRequeue requeue = new DeadLetterRequeue(redis, keys, Clock.systemUTC());
                Map<StreamMessageId, Map<String, String>> dead = dlq.range(StreamRangeArgs.startId(
                        StreamMessageId.MIN).endId(StreamMessageId.MAX));
                long chosen = dead.keySet().stream().filter(id -> ids == null || ids.isEmpty()
                        || ids.contains(id.toString())).count();
                Progress progress = Progress.onStandardError("dlq requeue", "entries");
                int requeued = 0;
                for (Map.Entry<StreamMessageId, Map<String, String>> entry : dead.entrySet()) {
                    if (ids != null && !ids.isEmpty() && !ids.contains(entry.getKey().toString())) {
                        continue;
                    }
                    Optional<StreamMessageId> id = requeue.one(entry.getKey(), entry.getValue());
                    System.out.println(entry.getKey() + " -> " + id.map(StreamMessageId::toString)
                            .orElse("(written back by an earlier run)"));
                    progress.update(++requeued, chosen);
                }
                progress.finish(requeued, chosen);
                System.err.println("dlq: re-queued " + requeued + " entries");
                return 0;
            });
        }
    }
}
