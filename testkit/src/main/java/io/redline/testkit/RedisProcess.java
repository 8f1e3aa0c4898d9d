package io.redline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One redis-server (or sentinel) child process on a known port, in a temporary directory of its own. It can be
 * stopped and started again on the same port, to test what a Redis restart does to a client. Every instance
 * is also stopped by a JVM shutdown hook, so that no process outlives the tests.
 */
public final class RedisProcess implements AutoCloseable {

    private static final Set<RedisProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(RedisProcess::kill),
                "redis-test-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final int port;
    private final Path dir;
    private Process process;

    private RedisProcess(String name, List<String> command, int port, Path dir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.port = port;
        this.dir = dir;
    }

    /**
     * A plain server without persistence on a free port, started and answering PING.
     *
     * @param extraArgs further {@code --option value} arguments
     */
    public static RedisProcess server(Path binary, String... extraArgs) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            RedisProcess redis = prepared(binary, extraArgs);
            try {
                redis.start();
                return redis;
            } catch (IllegalStateException e) {
                // most likely the port was taken between the check and the bind
                redis.close();
                last = e;
            }
        }
        throw last;
    }

    /** As {@link #server(Path, String...)}, but not started yet: for a Redis that comes up after its clients. */
    public static RedisProcess prepared(Path binary, String... extraArgs) {
        int port = FreePorts.find();
        Path dir = tempDir("redis-" + port);
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", dir.toString()));
        command.addAll(List.of(extraArgs));
        return new RedisProcess("redis-server:" + port, command, port, dir);
    }

    /** A process with a command of the caller's (a sentinel with its config file), started in {@code dir}. */
    public static RedisProcess custom(String name, List<String> command, int port, Path dir) {
        RedisProcess redis = new RedisProcess(name, command, port, dir);
        redis.start();
        return redis;
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (again) on the same port and waits until PING is answered. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("output.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        RUNNING.add(this);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + output());
            }
            try {
                if ("PONG".equals(RawRedis.once(port, "PING"))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            pause();
        }
        kill();
        throw new IllegalStateException(name + " did not answer PING within 15 s: " + output());
    }

    /** Stops the process (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(this);
    }

    /** SIGKILL, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RUNNING.remove(this);
    }

    /** SIGSTOP: the server stops answering but keeps its connections, as a stalled host does. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    private synchronized void signal(String name) {
        if (!isRunning()) {
            throw new IllegalStateException(this.name + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + this.name, e);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** The version the running server reports. */
    public RedisVersion version() {
        try {
            String info = (String) RawRedis.once(port, "INFO", "server");
            return info.lines().filter(line -> line.startsWith("redis_version:")).findFirst()
                    .map(line -> RedisVersion.parse(line.substring("redis_version:".length())))
                    .orElseThrow(() -> new IllegalStateException("INFO server holds no redis_version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process and deletes its directory. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private String output() {
        try {
            Path log = dir.resolve("output.log");
            return Files.exists(log) ? Files.readString(log).strip() : "";
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
