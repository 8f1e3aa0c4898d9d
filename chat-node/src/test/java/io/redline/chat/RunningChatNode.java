package io.redline.chat;

import io.redline.chat.node.ChatConfig;
import io.redline.chat.node.ChatNode;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.metrics.Family;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.RedlineRuntime;
import io.redline.core.redis.RedisSettings;
import io.redline.core.tracing.Tracing;
import io.redline.testkit.FreePorts;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A whole chat node (runtime, its own Redis client, admin, Jetty) in the test's JVM. */
final class RunningChatNode implements AutoCloseable {

    private final RedlineRuntime runtime;
    private final AtomicReference<ChatNode> node = new AtomicReference<>();
    private final int port = FreePorts.find();

    RunningChatNode(RedisSettings redis, Map<String, String> variables) throws Exception {
        this(redis, variables, Tracing.off());
    }

    RunningChatNode(RedisSettings redis, Map<String, String> variables, Tracing tracing) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_MODE", redis.mode().name().toLowerCase(java.util.Locale.ROOT));
        env.put("REDIS_URL", redis.url().toString());
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("ADMIN_PORT", "0");
        env.putAll(variables);
        ConfigReader reader = new ConfigReader(Env.of(env));
        CommonConfig common = CommonConfig.read(reader);
        ChatConfig config = ChatConfig.read(reader);
        reader.throwIfInvalid();
        runtime = new RedlineRuntime("chat-node-test", common, context -> {
            node.set(new ChatNode(config, context));
            return node.get().parts();
        }, tracing);
        runtime.start();
    }

    String ws(String user, String name) {
        return "ws://127.0.0.1:" + port + "/ws?user=" + user + "&name=" + name;
    }

    int port() {
        return port;
    }

    String http(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The count of a counter family without labels, as the node's registry holds it. */
    double metric(Family family) {
        return runtime.metrics().getMeters().get(family.seriesName()).getCount();
    }

    ChatNode node() {
        return node.get();
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
