package io.redline.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.testkit.Awaits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar redline-deploy.jar up ...} as a user runs it, in a JVM of its own with exactly the environment
 * given. It is started through {@code env --default-signal=INT} where coreutils has it: a JVM whose parent ignores
 * SIGINT (a background job of a non-interactive shell) would otherwise ignore it too, and the test sends one.
 */
public final class RunnerProcess implements AutoCloseable {

    public static final Path RUNNER_JAR = Path.of("target", "redline-deploy.jar").toAbsolutePath();

    private final Process process;
    private final Path logs;
    private final Path stdout;
    private final Path stderr;

    private RunnerProcess(Process process, Path logs, Path stdout, Path stderr) {
        this.process = process;
        this.logs = logs;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** @param logs passed as {@code --logs}; {@code platform.json} is read from there */
    public static RunnerProcess start(Path logs, Map<String, String> env, String... args) throws IOException {
        Path output = Files.createTempDirectory("runner-output-");
        List<String> command = new ArrayList<>();
        if (envResetsSignals()) {
            command.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-jar", RUNNER_JAR.toString(), "up", "--logs", logs.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.resolve("stdout").toFile())
                .redirectError(output.resolve("stderr").toFile());
        builder.environment().clear();
        builder.environment().put("HOME", System.getProperty("user.home"));
        builder.environment().putAll(env);
        return new RunnerProcess(builder.start(), logs, output.resolve("stdout"), output.resolve("stderr"));
    }

    private static boolean envResetsSignals() {
        try {
            Process probe = new ProcessBuilder("/usr/bin/env", "--default-signal=INT", "true").start();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the banner, failing with the runner's output if it exits first. */
    public JsonNode awaitUp(Duration atMost) {
        Awaits.await(atMost).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the runner exited with " + process.exitValue() + "; stdout:\n" + stdout()
                        + "\nstderr:\n" + stderr());
            }
            return stdout().contains("Redline is up") && Files.exists(logs.resolve("platform.json"));
        });
        return platform();
    }

    public JsonNode platform() {
        try {
            return Json.mapper().readTree(Files.readString(logs.resolve("platform.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGINT, as Ctrl-C on a terminal. */
    public void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -INT " + process.pid());
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the runner still runs after " + timeout + "; stdout:\n" + stdout());
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** Whatever happened, nothing the runner started outlives the test. */
    @Override
    public void close() {
        process.destroyForcibly();
        if (Files.exists(logs.resolve("platform.json"))) {
            JsonNode platform = platform();
            platform.get("processes").forEach(child -> ProcessHandle.of(child.get("pid").asLong())
                    .ifPresent(ProcessHandle::destroyForcibly));
            if (!platform.get("redis").get("pid").isNull()) {
                ProcessHandle.of(platform.get("redis").get("pid").asLong()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
