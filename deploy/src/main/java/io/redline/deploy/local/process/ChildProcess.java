package io.redline.deploy.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One running (or stopped) child: started, stopped with SIGTERM then SIGKILL, and the tail of its log. */
public final class ChildProcess {

    private final ProcessSpec spec;
    private volatile Process process;

    public ChildProcess(ProcessSpec spec) {
        this.spec = spec;
    }

    public synchronized void start() {
        try {
            process = Launcher.start(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    public ProcessSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Completes when the current run ends. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /**
     * SIGTERM, and SIGKILL if the process is still running after {@code grace}.
     *
     * @return true if it ended by itself within the grace
     */
    public boolean stop(Duration grace) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return true;
        }
        current.destroy();
        try {
            if (current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            current.destroyForcibly();
            current.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The last lines of the log, to show why a process died. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(spec.log(), StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + spec.log() + ": " + e.getMessage() + ")");
        }
    }
}
