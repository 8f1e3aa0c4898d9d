package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.process.CommonConfig;
import io.redline.testkit.TestCertificates;
import java.util.HashMap;
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

    /** With the client's certificate and key added to {@code variables}, a client connects, writes and reads. */
    static void assertMutualTlsWorks(Map<String, String> variables, TestCertificates certificates) {
        Map<String, String> mutual = new HashMap<>(variables);
        mutual.put("REDIS_TLS_CERT", certificates.certificate(TestCertificates.CLIENT).toString());
        mutual.put("REDIS_TLS_KEY", certificates.key(TestCertificates.CLIENT).toString());
        RedissonClient client = connect(mutual);
        try {
            client.getBucket("tls-mutual").set("yes");
            assertEquals("yes", client.getBucket("tls-mutual").get());
        } finally {
            client.shutdown();
        }
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
