package io.redline.events.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.CommandLineRun;
import io.redline.testkit.RedisExtension;
import io.redline.events.EventsMain;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event-workers jar's command line keeps the contract of every Redline jar (docs/configuration.md). */
class EventsCommandLineTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void helpOfEverySubCommandExitsZeroAndListsItsOptionsAndVariables() {
        CommandLineRun.assertEveryCommandHasHelpAndVersion(EventsMain::commandLine);
        String worker = CommandLineRun.of(EventsMain::commandLine, "worker", "--help").out();
        assertTrue(worker.contains("WORKER_CONSUMERS") && worker.contains("MAX_DELIVERIES"), worker);
        String top = CommandLineRun.of(EventsMain::commandLine, "--help").out();
        assertTrue(top.contains("WORKER_CONSUMERS") && top.contains("simulate"), top);
    }

    @Test
    void helpIsShownRatherThanARequiredOptionOrAnUnknownOptionError() {
        for (String[] args : new String[][] {{"simulate", "--help"}, {"emit", "--help"}, {"dlq", "--help"},
            {"replay", "--help"}, {"dlq", "requeue", "--help"}}) {
            CommandLineRun run = CommandLineRun.of(EventsMain::commandLine, args);
            assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: redline-event-workers " + args[0]), run.out());
        }
    }

    @Test
    void dlqWithoutASubCommandIsOneLineAndExits2() {
        assertEquals("redline-event-workers dlq: Missing required subcommand (see: redline-event-workers dlq --help)",
                CommandLineRun.of(EventsMain::commandLine, "dlq").usageErrorLine());
    }

    @Test
    void badOptionValuesAreOneLineNamingTheOptionAndWhatIsAllowed() {
        assertEquals("redline-event-workers simulate: Invalid value for option '--orders': must be a whole number of"
                + " at least 1, but was \"0\" (see: redline-event-workers simulate --help)",
                CommandLineRun.of(EventsMain::commandLine, "simulate", "--orders", "0").usageErrorLine());
        assertTrue(CommandLineRun.of(EventsMain::commandLine, "simulate", "--orders", "5", "--duplicates", "2")
                .usageErrorLine().contains("'--duplicates': must be a number from 0 to 1, but was \"2\""));
        assertTrue(CommandLineRun.of(EventsMain::commandLine, "worker", "extra").usageErrorLine()
                .startsWith("redline-event-workers worker: Unmatched argument at index 1: 'extra'"));
    }

    @Test
    void emitRefusesAnUnknownTypeWithTheWorkersReason() {
        assertEquals("redline-event-workers emit: refused, the workers would dead-letter it: unknown type"
                + " \"order.refunded\"; expected order.created, order.paid or order.shipped"
                + " (see: redline-event-workers emit --help)",
                CommandLineRun.of(EventsMain::commandLine, "emit", "--type", "order.refunded", "--payload",
                        "{\"orderId\":\"A1\"}").usageErrorLine());
    }

    @Test
    void emitRefusesAPayloadThatIsNotJsonOrHasNoOrderId() {
        assertTrue(CommandLineRun.of(EventsMain::commandLine, "emit", "--type", "order.shipped", "--payload",
                "not json").usageErrorLine().contains(": refused, the workers would dead-letter it: payload is not"
                + " JSON (see:"));
        assertTrue(CommandLineRun.of(EventsMain::commandLine, "emit", "--type", "order.paid", "--payload",
                "{\"amount\":1}").usageErrorLine().contains(": payload has no orderId (a string) (see:"));
        assertTrue(CommandLineRun.of(EventsMain::commandLine, "emit", "--type", "order.paid", "--payload",
                "{\"orderId\":\"A1\",\"amount\":1}", "--timestamp", "yesterday").usageErrorLine()
                .contains(": timestamp must be Unix milliseconds, but was \"yesterday\" (see:"));
    }

    @Test
    void emitWritesNothingWhenItRefuses() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("refused"));
        try (ChildJvm emit = ChildJvm.start(EventsMain.class, env("refused"), "emit", "--type", "order.paid",
                "--payload", "{\"amount\":1}")) {
            assertEquals(2, emit.waitFor(Duration.ofSeconds(60)), emit.stderr());
            assertEquals("", emit.stdout());
        }
        assertEquals(0, REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING).size());
    }

    @Test
    void emitWritesAValidEventAndPrintsItsId() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("valid"));
        try (ChildJvm emit = ChildJvm.start(EventsMain.class, env("valid"), "emit", "--type", "order.shipped",
                "--payload", "{\"orderId\":\"A1\"}", "--timestamp", "1732600000000")) {
            assertEquals(0, emit.waitFor(Duration.ofSeconds(60)), emit.stderr());
            assertTrue(emit.stdout().strip().matches("\\d+-\\d+"), emit.stdout());
        }
        assertEquals(1, REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING).size());
    }

    @Test
    void requeueOfSomethingThatIsNotAnIdIsRefusedInsteadOfRequeuingNothingWithExit0() {
        assertEquals("redline-event-workers dlq requeue: ID must be a dead-letter id as dlq list prints it, such as"
                + " 1732600000000-0, but was \"banana\" (see: redline-event-workers dlq requeue --help)",
                CommandLineRun.of(EventsMain::commandLine, "dlq", "requeue", "banana").usageErrorLine());
    }

    @Test
    void requeueOfAnIdThatIsNotADeadLetterSaysSoAndMovesNothing() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("unknown"));
        REDIS.client().<String, String>getStream(keys.eventDeadLetters(), RedisCodecs.STRING)
                .add(org.redisson.api.stream.StreamAddArgs.entries(Map.of("type", "order.paid", "payload", "{}",
                        "timestamp", "1", "reason", "test")));
        try (ChildJvm requeue = ChildJvm.start(EventsMain.class, env("unknown"), "dlq", "requeue", "1-0")) {
            assertEquals(1, requeue.waitFor(Duration.ofSeconds(60)), requeue.stderr());
            assertEquals("redline-event-workers dlq requeue: no such dead letter: 1-0; nothing re-queued"
                    + " (see: redline-event-workers dlq list)", requeue.stderr().strip().lines()
                    .reduce((first, last) -> last).orElse(""));
        }
        assertEquals(1, REDIS.client().getStream(keys.eventDeadLetters(), RedisCodecs.STRING).size());
        assertEquals(0, REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING).size());
    }

    @Test
    void simulateWritesNoTimestampInTheFuture() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("past"));
        try (ChildJvm simulate = ChildJvm.start(EventsMain.class, env("past"), "simulate", "--orders", "300",
                "--seed", "1")) {
            assertEquals(0, simulate.waitFor(Duration.ofSeconds(60)), simulate.stderr());
        }
        long now = System.currentTimeMillis();
        long latest = REDIS.client().<String, String>getStream(keys.eventStream(), RedisCodecs.STRING)
                .range(org.redisson.api.stream.StreamRangeArgs.startId(
                        org.redisson.api.stream.StreamMessageId.MIN).endId(org.redisson.api.stream.StreamMessageId.MAX))
                .values().stream().mapToLong(fields -> Long.parseLong(fields.get("timestamp"))).max().orElseThrow();
        assertTrue(latest <= now, "latest timestamp " + (latest - now) + " ms in the future");
    }

    private static Map<String, String> env(String namespace) {
        return Map.of("REDIS_URL", REDIS.redis().url(), "REDLINE_NAMESPACE", namespace);
    }
}
