package io.redline.core.redis;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.process.CommonConfig;
import java.util.Map;
import org.redisson.api.RedissonClient;

/** Redline clients made as a process makes them: {@code REDIS_*} variables read into settings, then connected. */
final class TlsClients {

    private TlsClients() {
    }

    /** Connects once with these variables, or fails as {@link RedisConnector#connectOnce} does. */
    static RedissonClient connect(Map<String, String> variables) {
        ConfigReader reader = new ConfigReader(Env.of(variables));
        CommonConfig config = CommonConfig.read(reader);
        reader.throwIfInvalid();
        return new RedisConnector(Backoff.REDIS_STARTUP).connectOnce(config.redis(), "tls-test");
    }

    /** The messages of a failure and its causes, outermost first, so that a test can assert what an operator reads. */
    static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(messages.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return messages.toString();
    }
}
