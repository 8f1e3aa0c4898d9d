package io.redline.core.process;

import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.Backoff;
import io.redline.core.redis.RedisConnector;
import io.redline.core.redis.RedisRefusal;
import org.redisson.api.RedissonClient;

/**
 * A one-shot command: reads the common variables (exit 2 when one is bad), connects to Redis (exit 1 when it
 * cannot), runs, and closes. Results go to standard output, logs to standard error; no port is opened.
 */
public final class OneShot {

    /** The work of a command; returns its exit code. */
    @FunctionalInterface
    public interface Work {
        int run(RedissonClient redis, RedlineKeys keys, CommonConfig config) throws Exception;
    }

    private OneShot() {
    }

    /**
     * @param name what messages start with: the command as typed ({@code redline-event-workers dlq list})
     * @return the exit code
     */
    public static int run(String name, Work work) {
        ConfigReader reader = new ConfigReader(Env.system());
        CommonConfig config = CommonConfig.read(reader);
        try {
            reader.throwIfInvalid();
        } catch (ConfigException e) {
            ProcessMain.reportConfigErrors(name, e);
            return ProcessMain.EXIT_CONFIG;
        }
        RedissonClient redis;
        try {
            // the name is also the Redis client name, which CLIENT SETNAME refuses with a space in it
            redis = new RedisConnector(Backoff.REDIS_STARTUP).connectOnce(config.redis(), name.replace(' ', '-'));
        } catch (RuntimeException e) {
            System.err.println(name + ": cannot reach Redis at " + config.redis().url() + ": " + e.getMessage());
            return ProcessMain.EXIT_FAILURE;
        }
        try {
            return work.run(redis, new RedlineKeys(config.namespace()), config);
        } catch (Exception e) {
            System.err.println(name + ": failed: " + RedisRefusal.describe(e));
            return ProcessMain.EXIT_FAILURE;
        } finally {
            redis.shutdown();
        }
    }
}
