package io.redline.deploy.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The platform on the Redis 6.2 that embedded-redis ships: the runner's PATH holds no {@code redis-server}.
 * Everything the other scenario checks works here too; what needs Redis 7 is said at start-up.
 */
class PlatformOnEmbeddedRedisIT extends PlatformScenario {

    /** A folder with a link to every program on PATH but {@code redis-server}. */
    @Override
    String searchPath() throws Exception {
        Path folder = Files.createTempDirectory("path-without-redis-");
        for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(dir)) {
                for (Path program : (Iterable<Path>) programs::iterator) {
                    Path link = folder.resolve(program.getFileName());
                    if (!program.getFileName().toString().equals("redis-server") && !Files.exists(link,
                            LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
        return folder.toString();
    }

    @Test
    @Order(5)
    void theRunnerStartsTheEmbeddedRedisAndNamesWhatNeedsRedis7() {
        assertTrue(platform.get("redis").get("source").asText().startsWith("the embedded Redis"),
                platform.get("redis").toString());
        assertTrue(platform.get("redis").get("version").asText().startsWith("6.2."), platform.toString());
        assertTrue(runner.stdout().contains("note: on Redis 6.2"), runner.stdout());
        assertTrue(runner.stdout().contains("XINFO GROUPS has `lag` from Redis 7.0"), runner.stdout());
    }
}
