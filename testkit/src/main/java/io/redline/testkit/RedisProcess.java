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
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;

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
    private final SSLSocketFactory tls;
    private Process process;
    private volatile String[] login;

    private RedisProcess(String name, List<String> command, int port, Path dir, SSLSocketFactory tls) {
        this.name = name;
        this.command = List.copyOf(command);
        this.port = port;
        this.dir = dir;
        this.tls = tls;
    }

    /**
     * A plain server without persistence on a free port, started and answering PING.
     *
     * @param extraArgs further {@code --option value} arguments
     */
    public static RedisProcess server(Path binary, String... extraArgs) {
        return started(() -> prepared(binary, extraArgs));
    }

    /**
     * A server that accepts TLS only ({@code --port 0}) on a free port, with the {@code localhost} certificate of
     * {@code certificates} and client certificates optional, started and answering PING over TLS.
     *
     * @param extraArgs further {@code --option value} arguments ({@code --tls-auth-clients yes}...)
     */
    public static RedisProcess tlsServer(Path binary, TestCertificates certificates, String... extraArgs) {
        return started(() -> {
            int port = FreePorts.find();
            Path dir = tempDir("redis-tls-" + port);
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", "0",
                    "--tls-port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--daemonize", "no", "--dir", dir.toString()));
            command.addAll(tlsArguments(certificates));
            command.addAll(List.of(extraArgs));
            return new RedisProcess("redis-server:tls:" + port, command, port, dir, certificates.socketFactory());
        });
    }

    /**
     * The {@code --tls-*} arguments that serve the {@code localhost} certificate, trust the CA, and leave client
     * certificates optional.
     */
    static List<String> tlsArguments(TestCertificates certificates) {
        return List.of("--tls-cert-file", certificates.certificate(TestCertificates.LOCALHOST).toString(),
                "--tls-key-file", certificates.key(TestCertificates.LOCALHOST).toString(),
                "--tls-ca-cert-file", certificates.ca().toString(), "--tls-auth-clients", "optional");
    }

    private static RedisProcess started(Supplier<RedisProcess> prepare) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            RedisProcess redis = prepare.get();
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
        return new RedisProcess("redis-server:" + port, command, port, dir, null);
    }

    /** A process with a command of the caller's (a sentinel with its config file), started in {@code dir}. */
    public static RedisProcess custom(String name, List<String> command, int port, Path dir) {
        return custom(name, command, port, dir, null);
    }

    /**
     * As {@link #custom(String, List, int, Path)}, for a process that accepts TLS only on {@code port}.
     *
     * @param tls the sockets the kit reaches it with ({@link TestCertificates#socketFactory()}), or null for TCP
     */
    public static RedisProcess custom(String name, List<String> command, int port, Path dir, SSLSocketFactory tls) {
        RedisProcess redis = new RedisProcess(name, command, port, dir, tls);
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
                if ("PONG".equals(RawRedis.once(tls, port, "PING"))) {
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

    /** {@code redis://127.0.0.1:port}, or {@code rediss://} for a server that accepts TLS only. */
    public String url() {
        return (tls == null ? "redis" : "rediss") + "://127.0.0.1:" + port;
    }

    /** Whether the server accepts TLS only. */
    public boolean tls() {
        return tls != null;
    }

    /**
     * The kit's own commands ({@link #call}) log in as this user from now on: for a server whose ACL file lets the
     * default user do no more than {@code PING} (which is all that {@link #start()} sends).
     */
    public void logInAs(String user, String password) {
        login = new String[] {user, password};
    }

    /**
     * One command on a new connection of the kit's own ({@link RawRedis}), over TLS when the server needs it, and
     * logged in as the user of {@link #logInAs} if one was given.
     */
    public Object call(String... command) throws IOException {
        String[] user = login;
        if (user == null) {
            return RawRedis.once(tls, port, command);
        }
        try (RawRedis redis = new RawRedis("127.0.0.1", port, tls)) {
            Object reply = redis.call("AUTH", user[0], user[1]);
            if (!"OK".equals(reply)) {
                throw new IOException(name + " refused AUTH as " + user[0] + ": " + reply);
            }
            return redis.call(command);
        }
    }

    /** The version the running server reports. */
    public RedisVersion version() {
        try {
            String info = (String) call("INFO", "server");
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
