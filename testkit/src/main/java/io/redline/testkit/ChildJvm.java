package io.redline.testkit;

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
 * A {@code main} class run in a JVM of its own, with exactly the environment given (plus PATH and HOME), for
 * tests of the real exit path: exit codes, SIGTERM, what goes to stdout and stderr.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static ChildJvm start(Class<?> mainClass, Map<String, String> env, String... args) {
        return launch(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()), env, args);
    }

    /** {@code java -jar jar args}: the runnable jar as users run it. */
    public static ChildJvm startJar(Path jar, Map<String, String> env, String... args) {
        return launch(List.of("-jar", jar.toString()), env, args);
    }

    private static ChildJvm launch(List<String> target, Map<String, String> env, String... args) {
        try {
            Path dir = Files.createTempDirectory("child-jvm-");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC"));
            command.addAll(target);
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile());
            Map<String, String> environment = builder.environment();
            String path = environment.get("PATH");
            String home = environment.get("HOME");
            environment.clear();
            environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
            environment.put("HOME", home == null ? "/tmp" : home);
            environment.putAll(env);
            return new ChildJvm(builder.start(), dir.resolve("stdout"), dir.resolve("stderr"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM", e);
        }
    }

    /**
     * Waits for the exit code.
     *
     * @throws AssertionError if the JVM is still running after {@code timeout}
     */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child JVM still running after " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** SIGTERM, as Kubernetes sends it. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
