package io.redline.gateway;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.RedlineRuntime;
import io.redline.core.tracing.Tracing;
import io.redline.testkit.FreePorts;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A whole gateway process (runtime, Redis, admin, Jetty) started in the test's JVM with the given variables. */
final class RunningGateway implements AutoCloseable {

    private final RedlineRuntime runtime;
    private final AtomicReference<Gateway> gateway = new AtomicReference<>();
    private final int port = FreePorts.find();

    RunningGateway(String redisUrl, String originUrl, Map<String, String> variables) throws Exception {
        this(redisUrl, originUrl, variables, Tracing.off());
    }

    RunningGateway(String redisUrl, String originUrl, Map<String, String> variables, Tracing tracing)
            throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", redisUrl, "ORIGIN_URL", originUrl,
                "HTTP_PORT", String.valueOf(port), "ADMIN_PORT", "0"));
        env.putAll(variables);
        ConfigReader reader = new ConfigReader(Env.of(env));
        CommonConfig common = CommonConfig.read(reader);
        GatewayConfig config = GatewayConfig.read(reader);
        reader.throwIfInvalid();
        runtime = new RedlineRuntime("cache-gateway-test", common, context -> {
            gateway.set(new Gateway(config, context));
            return gateway.get().parts();
        }, tracing);
        runtime.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    int port() {
        return port;
    }

    Gateway gateway() {
        return gateway.get();
    }

    RedlineRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
