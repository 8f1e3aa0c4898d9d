package io.redline.deploy.local.redis;

import io.redline.deploy.local.process.ChildProcess;
import io.redline.deploy.local.process.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} that the runner starts on 127.0.0.1: its data in a temporary folder (deleted when it
 * stops), or in {@code --data DIR} with the append-only file on, so that it survives the next run.
 */
public final class LocalRedis {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final ChildProcess process;
    private final int port;
    private final Path folder;
    private final boolean temporary;

    private LocalRedis(ChildProcess process, int port, Path folder, boolean temporary) {
        this.process = process;
        this.port = port;
        this.folder = folder;
        this.temporary = temporary;
    }

    /**
     * Starts the server and waits until it answers {@code PING}.
     *
     * @param data the folder to keep, or {@code null} for a temporary one
     */
    public static LocalRedis start(RedisBinary binary, int port, Path data, Path log, Map<String, String> env)
            throws IOException, InterruptedException {
        boolean temporary = data == null;
        Path folder = temporary ? Files.createTempDirectory("redline-redis-") : data.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(binary.path().toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--daemonize", "no", "--dir", folder.toString(), "--save", ""));
        command.addAll(temporary ? List.of("--appendonly", "no")
                : List.of("--appendonly", "yes", "--appendfsync", "everysec"));
        ChildProcess process = new ChildProcess(new ProcessSpec("redis", command, env, 0, log));
        process.start();
        LocalRedis redis = new LocalRedis(process, port, folder, temporary);
        redis.awaitPong();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    public Path folder() {
        return folder;
    }

    /** SIGTERM (Redis then writes its append-only file out), SIGKILL after 10 s; a temporary folder goes too. */
    public void stop() {
        process.stop(Duration.ofSeconds(10));
        if (temporary) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }

    private void awaitPong() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with code " + process.exitCode() + ": "
                        + String.join(" / ", process.logTail(5)));
            }
            if (answersPing()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        stop();
        throw new IOException("redis-server did not answer PING on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s");
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }
}
