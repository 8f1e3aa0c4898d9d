package io.redline.gateway;

import io.redline.testkit.RedisExtension;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test origin for the whole class and a gateway per test, each test in a key namespace of its own on the
 * class's Redis, so that no test sees another's entries or limits. Registered after the class's
 * {@link RedisExtension}, as a static field.
 */
final class GatewayPerTest implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final RedisExtension redis;
    private final String prefix;
    private final AtomicInteger namespaces = new AtomicInteger();
    private TestOrigin origin;
    private RunningGateway gateway;
    private String namespace;

    /** @param prefix of each test's namespace, e.g. {@code gw} for {@code gw1}, {@code gw2}... */
    GatewayPerTest(RedisExtension redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        origin = new TestOrigin();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        origin.close();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    /**
     * Starts this test's gateway in a new namespace, in front of the test origin unless {@code variables} name
     * another {@code ORIGIN_URL}.
     */
    RunningGateway start(Map<String, String> variables) throws Exception {
        namespace = prefix + namespaces.incrementAndGet();
        Map<String, String> env = new HashMap<>(Map.of("REDLINE_NAMESPACE", namespace));
        env.putAll(variables);
        String originUrl = env.getOrDefault("ORIGIN_URL", origin.url());
        env.remove("ORIGIN_URL");
        gateway = new RunningGateway(redis.redis().url(), originUrl, env);
        return gateway;
    }

    TestOrigin origin() {
        return origin;
    }

    /** The namespace of the gateway started last. */
    String namespace() {
        return namespace;
    }
}
