package io.redline.core.process;

import io.redline.core.config.ConfigReader;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.logging.LogFormat;
import io.redline.core.logging.LogLevels;
import io.redline.core.redis.RedisSettings;
import java.time.Duration;

/**
 * The variables every Redline process reads.
 *
 * @param redis {@code REDIS_URL}, {@code REDIS_MODE}, {@code REDIS_SENTINEL_MASTER}
 * @param namespace {@code REDLINE_NAMESPACE}
 * @param adminPort {@code ADMIN_PORT} (default 8081; 0 picks a free port, for tests)
 * @param logFormat {@code LOG_FORMAT}
 * @param logLevels {@code LOG_LEVEL} and {@code LOG_LEVELS} (checked here; Logback applies them at start-up)
 * @param shutdownGrace {@code SHUTDOWN_GRACE} (default 20s)
 */
public record CommonConfig(RedisSettings redis, KeyNamespace namespace, int adminPort, LogFormat logFormat,
                           LogLevels logLevels, Duration shutdownGrace) {

    public static final int DEFAULT_ADMIN_PORT = 8081;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    public CommonConfig {
        if (adminPort < 0 || adminPort > 65_535) {
            throw new IllegalArgumentException("adminPort must be from 0 to 65535, but was " + adminPort);
        }
        if (shutdownGrace == null || shutdownGrace.isNegative() || shutdownGrace.isZero()) {
            throw new IllegalArgumentException("shutdownGrace must be > 0, but was " + shutdownGrace);
        }
    }

    public static CommonConfig read(ConfigReader reader) {
        return new CommonConfig(
                RedisSettings.read(reader),
                reader.parsed("REDLINE_NAMESPACE", KeyNamespace.NONE, CommonConfig::namespace),
                reader.portOrAny("ADMIN_PORT", DEFAULT_ADMIN_PORT),
                reader.choice("LOG_FORMAT", LogFormat.TEXT, LogFormat.class),
                new LogLevels(reader.parsed("LOG_LEVEL", LogLevels.DEFAULT.root(), LogLevels::level),
                        reader.parsed("LOG_LEVELS", LogLevels.DEFAULT.loggers(), LogLevels::loggers)),
                reader.duration("SHUTDOWN_GRACE", DEFAULT_SHUTDOWN_GRACE, Duration.ofSeconds(1)));
    }

    private static KeyNamespace namespace(String text) {
        try {
            return new KeyNamespace(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + KeyNamespace.ALLOWED, e);
        }
    }
}
