package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.CommandLineRun;
import org.junit.jupiter.api.Test;

/** The cache-gateway jar's command line keeps the contract of every Redline jar (docs/configuration.md). */
class GatewayCommandLineTest {

    @Test
    void helpOfEveryCommandExitsZeroAndListsItsOptionsAndVariables() {
        CommandLineRun.assertEveryCommandHasHelpAndVersion(GatewayMain::commandLine);
        String gateway = CommandLineRun.of(GatewayMain::commandLine, "--help").out();
        assertTrue(gateway.contains("ORIGIN_URL") && gateway.contains("RATE_LIMIT") && gateway.contains("bench"),
                gateway);
        String bench = CommandLineRun.of(GatewayMain::commandLine, "bench", "--help").out();
        for (String option : new String[] {"--concurrency", "--seconds", "--warmup", "--rounds", "--json"}) {
            assertTrue(bench.contains(option), option + " in:\n" + bench);
        }
    }

    @Test
    void aBadBenchValueIsOneLineNamingTheOptionAndWhatIsAllowed() {
        assertEquals("redline-cache-gateway bench: Invalid value for option '--rounds': must be a whole number of at"
                + " least 1, but was \"0\" (see: redline-cache-gateway bench --help)",
                CommandLineRun.of(GatewayMain::commandLine, "bench", "--rounds", "0").usageErrorLine());
        assertTrue(CommandLineRun.of(GatewayMain::commandLine, "bench", "--bogus").usageErrorLine()
                .startsWith("redline-cache-gateway bench: Unknown option: '--bogus'"));
    }
}
