package io.redline.testkit;

import io.redline.core.keys.KeyNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Finds a Redis for a test class, in this order: {@code REDIS_TEST_URL}; a {@code redis-server} on PATH, started
 * on a free port; Testcontainers' {@code redis:7} when Docker runs; the redis-server shipped in the embedded-redis
 * jar (Redis 6.2).
 */
public final class TestRedisSource {

    public static final String URL_VARIABLE = "REDIS_TEST_URL";

    private TestRedisSource() {
    }

    public static TestRedis start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new SharedRedis(url.trim());
        }
        Optional<Path> onPath = RedisBinaries.serverOnPath();
        if (onPath.isPresent()) {
            return new OwnRedis(RedisProcess.server(onPath.get()), "redis-server on PATH");
        }
        if (dockerAvailable()) {
            return new ContainerRedis();
        }
        return new OwnRedis(RedisProcess.server(RedisBinaries.embeddedServer()), "embedded-redis binary");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A server started for one test class and stopped after it. */
    private record OwnRedis(RedisProcess process, String origin) implements TestRedis {

        @Override
        public String url() {
            return process.url();
        }

        @Override
        public RedisVersion version() {
            return process.version();
        }

        @Override
        public String description() {
            return origin + " " + version() + " on port " + process.port();
        }

        @Override
        public KeyNamespace namespace() {
            return KeyNamespace.NONE;
        }

        @Override
        public void close() {
            process.close();
        }
    }

    /** A server given by {@code REDIS_TEST_URL}: each test class works in a namespace of its own, deleted after. */
    private static final class SharedRedis implements TestRedis {

        private final String url;
        private final KeyNamespace namespace = new KeyNamespace("t" + UUID.randomUUID().toString().substring(0, 8));

        SharedRedis(String url) {
            this.url = url;
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public RedisVersion version() {
            Object info = call("INFO", "server");
            return ((String) info).lines().filter(line -> line.startsWith("redis_version:")).findFirst()
                    .map(line -> RedisVersion.parse(line.substring("redis_version:".length())))
                    .orElseThrow();
        }

        @Override
        public String description() {
            return URL_VARIABLE + " " + url + " in namespace " + namespace.name();
        }

        @Override
        public KeyNamespace namespace() {
            return namespace;
        }

        @Override
        public void close() {
            String cursor = "0";
            do {
                @SuppressWarnings("unchecked")
                List<Object> page = (List<Object>) call("SCAN", cursor, "MATCH", namespace.name() + ":*", "COUNT", "500");
                cursor = (String) page.get(0);
                for (Object key : (List<?>) page.get(1)) {
                    call("UNLINK", (String) key);
                }
            } while (!"0".equals(cursor));
        }

        private Object call(String... command) {
            URI uri = URI.create(url);
            try (RawRedis redis = new RawRedis(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())) {
                return redis.call(command);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + URL_VARIABLE + "=" + url, e);
            }
        }
    }

    /** Testcontainers' redis:7, for machines with Docker and no redis-server. */
    private static final class ContainerRedis implements TestRedis {

        private final GenericContainer<?> container;

        @SuppressWarnings("resource")
        ContainerRedis() {
            container = new GenericContainer<>("redis:7").withExposedPorts(6379);
            container.start();
        }

        @Override
        public String url() {
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }

        @Override
        public RedisVersion version() {
            return new RedisVersion(7, 0, 0);
        }

        @Override
        public String description() {
            return "Testcontainers redis:7 at " + url();
        }

        @Override
        public KeyNamespace namespace() {
            return KeyNamespace.NONE;
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
