package io.redline.testkit;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Hands a test class a real Redis ({@link TestRedisSource}) and a Redisson client on it; both are closed after the
 * class. Register it as {@code @RegisterExtension static final RedisExtension REDIS = new RedisExtension();} or
 * use {@code @ExtendWith(RedisExtension.class)} and take {@link RedissonClient}, {@link TestRedis} or
 * {@link RedlineKeys} as test method parameters.
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private TestRedis redis;
    private RedissonClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        redis = TestRedisSource.start();
        client = Redisson.create(RedissonConfigs.create(settings(), "test-" + context.getDisplayName()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    public RedissonClient client() {
        return client;
    }

    public TestRedis redis() {
        return redis;
    }

    public RedisSettings settings() {
        return RedisSettings.single(redis.url());
    }

    /** Key names in the test's namespace. */
    public RedlineKeys keys() {
        return new RedlineKeys(redis.namespace());
    }

    /** Skips the calling test, saying why, when the server is older than {@code major}. */
    public void assumeAtLeast(int major, String why) {
        Assumptions.assumeTrue(redis.version().atLeast(major),
                () -> "needs Redis " + major + "+ (" + why + "), but the test server is " + redis.description());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedissonClient.class || type == TestRedis.class || type == RedlineKeys.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == RedissonClient.class) {
            return client;
        }
        return type == TestRedis.class ? redis : keys();
    }
}
