package io.redline.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import redis.embedded.core.ExecutableProvider;

/** Where the Redis binaries of the test kit come from. */
public final class RedisBinaries {

    private RedisBinaries() {
    }

    public static Optional<Path> serverOnPath() {
        return onPath("redis-server");
    }

    public static Optional<Path> cliOnPath() {
        return onPath("redis-cli");
    }

    /** The redis-server that the embedded-redis jar ships (6.2 for Linux), extracted to a temporary file. */
    public static Path embeddedServer() {
        try {
            File binary = ExecutableProvider.newJarResourceProvider().get();
            return binary.toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the embedded redis-server", e);
        }
    }

    /** The server on PATH, else the embedded one: for fixtures that need a process of their own. */
    public static Path anyServer() {
        return serverOnPath().orElseGet(RedisBinaries::embeddedServer);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
