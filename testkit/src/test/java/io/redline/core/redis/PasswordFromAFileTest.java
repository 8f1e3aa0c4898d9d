package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.process.CommonConfig;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RedissonClient;

/** A password-protected Redis reached with REDIS_PASSWORD_FILE, as a Kubernetes Secret mounted as a file gives it. */
class PasswordFromAFileTest {

    private static final String PASSWORD = "p/@:ss1";

    @TempDir
    Path dir;

    @Test
    void aPasswordProtectedRedisIsReachedWithThePasswordFromAFileAndRefusedWithoutIt() throws Exception {
        Path secret = Files.writeString(dir.resolve("redis-password"), PASSWORD + "\n");
        try (RedisProcess redis = RedisProcess.server(RedisBinaries.anyServer())) {
            RawRedis.once(redis.port(), "CONFIG", "SET", "requirepass", PASSWORD);
            RedissonClient client = new RedisConnector(Backoff.REDIS_STARTUP).connectOnce(settings(Map.of(
                    "REDIS_URL", redis.url(), "REDIS_PASSWORD_FILE", secret.toString())), "password-file-test");
            try {
                client.getBucket("k").set("v");
                assertEquals("v", client.getBucket("k").get());
            } finally {
                client.shutdown();
            }
            RuntimeException refused = assertThrows(RuntimeException.class, () -> new RedisConnector(
                    Backoff.REDIS_STARTUP).connectOnce(settings(Map.of("REDIS_URL", redis.url())), "no-password"));
            assertFalse(String.valueOf(refused.getMessage()).contains(PASSWORD));
        }
    }

    private static RedisSettings settings(Map<String, String> env) {
        ConfigReader reader = new ConfigReader(Env.of(env));
        CommonConfig config = CommonConfig.read(reader);
        reader.throwIfInvalid();
        return config.redis();
    }
}
