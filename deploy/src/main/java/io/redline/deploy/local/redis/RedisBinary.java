package io.redline.deploy.local.redis;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} to start.
 *
 * @param path the executable
 * @param origin how it was found, for the banner ({@code redis-server on PATH}, {@code embedded Redis 6.2})
 */
public record RedisBinary(Path path, String origin) {

    /** The first {@code redis-server} on {@code searchPath}, else the embedded one. */
    public static RedisBinary choose(String searchPath) throws IOException {
        Optional<Path> onPath = onPath(searchPath);
        if (onPath.isPresent()) {
            return new RedisBinary(onPath.get(), "redis-server on PATH (" + onPath.get() + ")");
        }
        File embedded;
        try {
            embedded = ExecutableProvider.newJarResourceProvider().get();
        } catch (RuntimeException e) {
            // embedded-redis asks uname which binary fits this machine, and has none for some
            throw new IOException("there is no redis-server on PATH, and the embedded one cannot be used here ("
                    + e.getMessage() + "); install redis-server or set REDIS_URL", e);
        }
        if (!embedded.canExecute() && !embedded.setExecutable(true)) {
            throw new IOException("the embedded redis-server at " + embedded + " cannot be made executable");
        }
        return new RedisBinary(embedded.toPath(), "the embedded Redis (embedded-redis; no redis-server on PATH)");
    }

    static Optional<Path> onPath(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
