package io.redline.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker, {@code promtool} (Debian package {@code prometheus}; {@code .ci/run} installs it): an
 * exposition or a rules file passes only when promtool has nothing at all to say about it.
 */
public final class Promtool {

    private static final Path BINARY = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    /**
     * Runs {@code promtool check metrics} on a scraped page.
     *
     * @throws AssertionError with promtool's findings when it reports any problem
     */
    public static void checkMetrics(String exposition) {
        Result result = run(exposition, "check", "metrics");
        if (result.code != 0 || !result.output.isBlank()) {
            throw new AssertionError("promtool check metrics found problems (exit code " + result.code + "):\n"
                    + result.output);
        }
    }

    /**
     * Runs {@code promtool check rules} on a rules file.
     *
     * @throws AssertionError with promtool's output when the file does not pass
     */
    public static void checkRules(Path rules) {
        Result result = run(null, "check", "rules", rules.toString());
        if (result.code != 0) {
            throw new AssertionError("promtool check rules failed (exit code " + result.code + "):\n"
                    + result.output);
        }
    }

    private static Result run(String stdin, String... args) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install Debian's prometheus package (bash .ci/run does)");
        }
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool did not finish within 30 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while promtool ran", e);
        }
    }

    private record Result(int code, String output) {
    }
}
