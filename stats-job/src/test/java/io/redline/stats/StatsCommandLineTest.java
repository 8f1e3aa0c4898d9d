package io.redline.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.ChildJvm;
import io.redline.testkit.CommandLineRun;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stats-job's command line keeps the contract of every Redline jar (docs/configuration.md). */
class StatsCommandLineTest {

    @Test
    void helpOfEverySubCommandExitsZeroAndListsItsOptionsAndVariables() {
        CommandLineRun.assertEveryCommandHasHelpAndVersion(StatsMain::commandLine);
        String serve = CommandLineRun.of(StatsMain::commandLine, "serve", "--help").out();
        assertTrue(serve.contains("HTTP_PORT"), serve);
        String run = CommandLineRun.of(StatsMain::commandLine, "run", "--help").out();
        assertTrue(run.contains("--every=D") && run.contains("REDIS_MODE, REDIS_URL"), run);
    }

    @Test
    void everyOfZeroIsRefusedInOneLineNamingTheMinimumInsteadOfLoopingWithoutPause() {
        assertEquals("redline-stats-job run: Invalid value for option '--every': must be a duration such as 250ms,"
                + " 60s, 5m, 1h or 7d, of at least 1s, but was \"0s\" (see: redline-stats-job run --help)",
                CommandLineRun.of(StatsMain::commandLine, "run", "--every", "0s").usageErrorLine());
        assertTrue(CommandLineRun.of(StatsMain::commandLine, "run", "--every", "999ms").usageErrorLine()
                .contains("of at least 1s, but was \"999ms\""));
    }

    @Test
    void everyThatIsNotADurationIsOneLineInsteadOfAStackTrace() {
        assertEquals("redline-stats-job run: Invalid value for option '--every': must be a duration such as 250ms,"
                + " 60s, 5m, 1h or 7d, of at least 1s, but was \"abc\" (see: redline-stats-job run --help)",
                CommandLineRun.of(StatsMain::commandLine, "run", "--every", "abc").usageErrorLine());
    }

    @Test
    void compareRefusesBadCountsInOneLineNamingTheOption() {
        assertEquals("redline-stats-job compare: Invalid value for option '--iterations': must be a whole number of"
                + " at least 1, but was \"0\" (see: redline-stats-job compare --help)",
                CommandLineRun.of(StatsMain::commandLine, "compare", "--iterations", "0").usageErrorLine());
        assertTrue(CommandLineRun.of(StatsMain::commandLine, "compare", "--latency", "-1").usageErrorLine()
                .contains("'--latency': must be a whole number of at least 0, but was \"-1\""));
    }

    @Test
    void configurationErrorsNameTheJarAndTheCommandRatherThanABareRun() throws Exception {
        try (ChildJvm run = ChildJvm.start(StatsMain.class, Map.of("REDIS_MODE", "nope"), "run")) {
            assertEquals(2, run.waitFor(Duration.ofSeconds(60)));
            assertEquals("redline-stats-job run: configuration error: REDIS_MODE=\"nope\" is invalid: must be one of"
                    + " single, cluster, sentinel", run.stderr().strip());
        }
    }
}
