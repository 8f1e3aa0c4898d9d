package io.redline.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.config.ConfigReader;
import io.redline.core.process.CommonConfig;
import io.redline.testkit.CommandLineRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What {@link CommandLines} gives every command, whether or not its class asks for it. */
class CommandLinesTest {

    @Command(name = "tool", subcommands = Tick.class)
    static final class Tool {
    }

    @Command(name = "tick", description = "Ticks.")
    static final class Tick implements Callable<Integer>, ReadsEnvironment {

        @Option(names = "--every", converter = OptionValues.Interval.class, description = "the pause")
        Duration every;

        @Option(names = "--fail", description = "throw")
        boolean fail;

        @Override
        public void readEnvironment(ConfigReader reader) {
            CommonConfig.read(reader);
            reader.port("TICK_PORT", 1);
        }

        @Override
        public Integer call() {
            if (fail) {
                throw new IllegalStateException("boom");
            }
            return 0;
        }
    }

    @Test
    void commandsThatDoNotAskForHelpAndVersionGetThemAndTheirVariablesAreListed() {
        CommandLineRun.assertEveryCommandHasHelpAndVersion(() -> CommandLines.create(new Tool()));
        String help = CommandLineRun.of(() -> CommandLines.create(new Tool()), "tick", "--help").out();
        assertTrue(help.contains("Environment variables read (see docs/configuration.md):%n  REDIS_MODE, REDIS_URL,"
                .formatted()), help);
        assertTrue(help.contains("SHUTDOWN_GRACE, TICK_PORT"), help);
    }

    @Test
    void theVariablesReadAreTheOnesTheCodeAsksForInOrder() {
        assertEquals(List.of("REDIS_MODE", "REDIS_URL", "REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_PASSWORD_FILE",
                "REDIS_TLS_CA", "REDIS_TLS_CERT", "REDIS_TLS_KEY", "REDIS_TLS_VERIFY", "REDIS_SENTINEL_MASTER",
                "REDLINE_NAMESPACE", "ADMIN_PORT", "LOG_FORMAT", "LOG_LEVEL", "LOG_LEVELS", "SHUTDOWN_GRACE",
                "TICK_PORT"),
                CommandLines.variablesRead(new Tick()));
    }

    @Test
    void aFailingCommandIsOneLineAndExits1() {
        CommandLineRun run = CommandLineRun.of(() -> CommandLines.create(new Tool()), "tick", "--fail");
        assertEquals(1, run.exitCode());
        assertEquals("tool tick: failed: java.lang.IllegalStateException: boom", run.err().strip());
    }

    @Test
    void anIntervalBelowOneSecondOrNotADurationIsRefusedNamingTheMinimum() {
        assertEquals("tool tick: Invalid value for option '--every': must be a duration such as 250ms, 60s, 5m, 1h"
                + " or 7d, of at least 1s, but was \"500ms\" (see: tool tick --help)",
                CommandLineRun.of(() -> CommandLines.create(new Tool()), "tick", "--every", "500ms").usageErrorLine());
        assertTrue(CommandLineRun.of(() -> CommandLines.create(new Tool()), "tick", "--every", "1.5s")
                .usageErrorLine().contains("but was \"1.5s\""));
        assertEquals(0, CommandLineRun.of(() -> CommandLines.create(new Tool()), "tick", "--every", "1s").exitCode());
    }

    @Test
    void wholeNumbersAndProbabilitiesSayWhatIsAllowed() {
        assertEquals(3, new OptionValues.Positive().convert("3"));
        assertEquals(0, new OptionValues.NotNegative().convert("0"));
        assertEquals(0.5, new OptionValues.Probability().convert("0.5"));
        assertEquals("must be a whole number of at least 1, but was \"0\"", message(
                () -> new OptionValues.Positive().convert("0")));
        assertEquals("must be a whole number from 0 to 2147483647, but was \"99999999999\"", message(
                () -> new OptionValues.NotNegative().convert("99999999999")));
        assertEquals("must be a number from 0 to 1, but was \"NaN\"", message(
                () -> new OptionValues.Probability().convert("NaN")));
    }

    private static String message(Runnable conversion) {
        try {
            conversion.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
