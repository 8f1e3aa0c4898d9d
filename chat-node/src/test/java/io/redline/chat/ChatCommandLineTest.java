package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.CommandLineRun;
import org.junit.jupiter.api.Test;

/** The chat-node jar's command line keeps the contract of every Redline jar (docs/configuration.md). */
class ChatCommandLineTest {

    @Test
    void helpOfEveryCommandExitsZeroAndListsItsOptionsAndVariables() {
        CommandLineRun.assertEveryCommandHasHelpAndVersion(ChatMain::commandLine);
        String node = CommandLineRun.of(ChatMain::commandLine, "--help").out();
        assertTrue(node.contains("CHAT_SEND_LIMIT") && node.contains("HTTP_PORT") && node.contains("bench"), node);
        String bench = CommandLineRun.of(ChatMain::commandLine, "bench", "--help").out();
        for (String option : new String[] {"--clients", "--senders", "--rate", "--concurrency", "--seconds",
            "--warmup", "--json"}) {
            assertTrue(bench.contains(option), option + " in:\n" + bench);
        }
    }

    @Test
    void aBadBenchValueIsOneLineNamingTheOptionAndWhatIsAllowed() {
        assertEquals("redline-chat-node bench: Invalid value for option '--rate': must be a whole number of at"
                + " least 1, but was \"0\" (see: redline-chat-node bench --help)",
                CommandLineRun.of(ChatMain::commandLine, "bench", "--rate", "0").usageErrorLine());
        assertTrue(CommandLineRun.of(ChatMain::commandLine, "bench", "--clients", "many").usageErrorLine()
                .contains("'--clients': must be a whole number of at least 1, but was \"many\""));
    }

    @Test
    void anUnknownArgumentIsOneLineAndExits2() {
        assertEquals("redline-chat-node: Unmatched argument at index 0: 'serve' (see: redline-chat-node --help)",
                CommandLineRun.of(ChatMain::commandLine, "serve").usageErrorLine());
    }
}
