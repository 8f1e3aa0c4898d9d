package io.redline.events.cli;

import io.redline.core.json.Json;
import io.redline.core.json.RedisCodecs;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlq list} and {@code dlq requeue [ID...]}. */
@Command(name = "dlq", description = "List or re-queue dead letters.", subcommands = {DlqCommand.ListDead.class,
    DlqCommand.Requeue.class})
final class DlqCommand {

    /** Prints dead letters as one JSON object per line. */
    @Command(name = "list", description = "Print the dead letters, one JSON object per line.")
    static final class ListDead implements Callable<Integer> {

        @Option(names = "--count", defaultValue = "1000", description = "at most this many")
        int count;

        @Override
        public Integer call() {
            return OneShot.run("dlq", (redis, keys, config) -> {
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
    static final class Requeue implements Callable<Integer> {

        @Parameters(arity = "0..*", paramLabel = "ID", description = "dead-letter ids (default: all)")
        List<String> ids;

        @Override
        public Integer call() {
            return OneShot.run("dlq", (redis, keys, config) -> {
                RStream<String, String> dlq = redis.getStream(keys.eventDeadLetters(), RedisCodecs.STRING);
                DeadLetterRequeue requeue = new DeadLetterRequeue(redis, keys, Clock.systemUTC());
                Map<StreamMessageId, Map<String, String>> dead = dlq.range(StreamRangeArgs.startId(
                        StreamMessageId.MIN).endId(StreamMessageId.MAX));
                int requeued = 0;
                for (Map.Entry<StreamMessageId, Map<String, String>> entry : dead.entrySet()) {
                    if (ids != null && !ids.isEmpty() && !ids.contains(entry.getKey().toString())) {
                        continue;
                    }
                    Optional<StreamMessageId> id = requeue.one(entry.getKey(), entry.getValue());
                    System.out.println(entry.getKey() + " -> " + id.map(StreamMessageId::toString)
                            .orElse("(written back by an earlier run)"));
                    requeued++;
                }
                System.err.println("dlq: re-queued " + requeued + " entries");
                return 0;
            });
        }
    }
}
