package io.redline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ./redline soak}: its options; a bad one is one line and exit code 2, before anything is built or run. */
class SoakCommandTest {

    private static final Path LAUNCHER = Path.of("..", "redline").toAbsolutePath().normalize();

    @Test
    void aBadMinutesValueIsRefusedNamingTheValueAndTheRange() throws Exception {
        for (String bad : List.of("0", "151", "x1", "-3", "")) {
            Run run = run("soak", "--minutes", bad);
            assertEquals(2, run.exit(), run.toString());
            assertEquals("redline soak: --minutes must be a whole number from 1 to 150, but was \"" + bad + "\"\n",
                    run.stderr());
        }
    }

    @Test
    void anUnknownOptionOrAMissingValueIsOneLine() throws Exception {
        Run unknown = run("soak", "--hours", "2");
        assertEquals(2, unknown.exit());
        assertEquals("redline soak: unknown option --hours (see --help)\n", unknown.stderr());
        Run missing = run("soak", "--minutes");
        assertEquals(2, missing.exit());
        assertEquals("redline soak: --minutes needs a value\n", missing.stderr());
    }

    @Test
    void helpSaysWhatItRunsAndItsDefault() throws Exception {
        Run help = run("soak", "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().startsWith("Usage: ./redline soak [--minutes N]\n"), help.stdout());
        assertTrue(help.stdout().contains("(default 30, at\nmost 150)"), help.stdout());
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("redline " + String.join(" ", args) + " did not end");
        }
        return new Run(process.exitValue(), out, err);
    }

    private record Run(int exit, String stdout, String stderr) {
    }
}
