package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shaded jar as an operator runs it against a Redis Cluster that accepts TLS only and requires client
 * certificates: configured by variables alone ({@code REDIS_MODE=cluster}, {@code rediss://} seeds,
 * {@code REDIS_TLS_CA}, {@code REDIS_TLS_CERT}, {@code REDIS_TLS_KEY}).
 */
class ChatJarOverTlsClusterIT {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0).withTls();

    private static final Path JAR = Path.of("target", "redline-chat-node.jar");

    @Test
    void theJarDeliversAMessageThroughATlsClusterWithClientCertificatesAndStopsCleanly() throws Exception {
        CLUSTER.configSet("tls-auth-clients", "yes");
        TestCertificates certificates = CLUSTER.certificates();
        int http = FreePorts.find();
        int admin = FreePorts.find();
        try (ChildJvm node = ChildJvm.startJar(JAR, Map.of("REDIS_MODE", "cluster", "REDIS_URL", CLUSTER.seedUrl(),
                "REDIS_TLS_CA", certificates.ca().toString(),
                "REDIS_TLS_CERT", certificates.certificate(TestCertificates.CLIENT).toString(),
                "REDIS_TLS_KEY", certificates.key(TestCertificates.CLIENT).toString(),
                "HTTP_PORT", String.valueOf(http), "ADMIN_PORT", String.valueOf(admin)))) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            try (TestChatClient client = TestChatClient.connect("ws://127.0.0.1:" + http + "/ws?user=tls&name=Tls")) {
                client.join("tls");
                client.send(Map.of("type", "send", "room", "tls", "content", "over TLS"));
                assertEquals("over TLS", client.next("message", Duration.ofSeconds(10)).get("message")
                        .get("content").asText());
            }
            node.terminate();
            assertEquals(0, node.waitFor(Duration.ofSeconds(30)), node.stderr());
        }
    }
}
