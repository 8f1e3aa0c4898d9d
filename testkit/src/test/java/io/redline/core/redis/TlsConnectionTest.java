package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.process.CommonConfig;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import io.redline.testkit.TestCertificates;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;

/**
 * {@code rediss://} against a real TLS-enabled {@code redis-server}, with certificates made by {@code openssl} for
 * the test: a private CA in {@code REDIS_TLS_CA}, host names checked unless {@code REDIS_TLS_VERIFY=ca}, and client
 * certificates ({@code REDIS_TLS_CERT}, {@code REDIS_TLS_KEY}) where the server requires them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsConnectionTest {

    private TestCertificates certificates;
    private RedisProcess redis;
    private int tlsPort;

    @BeforeAll
    void startATlsServer() {
        certificates = TestCertificates.create();
        redis = RedisProcess.tlsServer(RedisBinaries.anyServer(), certificates);
        tlsPort = redis.port();
    }

    @AfterAll
    void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aServerSignedByTheGivenCaIsReachedAndWithoutTheCaItIsNot() throws Exception {
        assertEquals("v", roundTrip(Map.of("REDIS_TLS_CA", certificates.ca().toString()), "localhost"));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> roundTrip(Map.of(), "localhost"),
                "the JVM's own trust store does not know the test CA");
        assertEquals("localhost:" + tlsPort + ": TLS refused: PKIX path building failed:", refused.getMessage()
                .substring(0, refused.getMessage().indexOf("failed:") + 7));
    }

    @Test
    void aCertificateForAnotherNameIsRefusedUnlessOnlyTheCaIsVerified() throws Exception {
        serve(TestCertificates.ELSEWHERE);
        try {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> roundTrip(Map.of("REDIS_TLS_CA",
                    certificates.ca().toString()), "127.0.0.1"), "the certificate names redis.example, not 127.0.0.1");
            assertEquals("127.0.0.1:" + tlsPort + ": TLS refused: No subject alternative names matching IP address"
                    + " 127.0.0.1 found", refused.getMessage());
            assertEquals("v", roundTrip(Map.of("REDIS_TLS_CA", certificates.ca().toString(), "REDIS_TLS_VERIFY", "ca"),
                    "127.0.0.1"));
        } finally {
            serve(TestCertificates.LOCALHOST);
        }
    }

    @Test
    void aServerThatRequiresClientCertificatesTakesTheOneGiven() throws Exception {
        redis.call("CONFIG", "SET", "tls-auth-clients", "yes");
        try {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> roundTrip(Map.of("REDIS_TLS_CA",
                    certificates.ca().toString()), "localhost"), "no client certificate");
            assertEquals("localhost:" + tlsPort + ": TLS refused: Received fatal alert: certificate_required",
                    refused.getMessage());
            assertEquals("v", roundTrip(Map.of("REDIS_TLS_CA", certificates.ca().toString(), "REDIS_TLS_CERT", certificates.certificate(TestCertificates.CLIENT).toString(),
                    "REDIS_TLS_KEY", certificates.key(TestCertificates.CLIENT).toString()), "localhost"));
        } finally {
            redis.call("CONFIG", "SET", "tls-auth-clients", "optional");
        }
    }

    private String roundTrip(Map<String, String> tls, String host) {
        Map<String, String> env = new HashMap<>(tls);
        env.put("REDIS_URL", "rediss://" + host + ":" + tlsPort);
        ConfigReader reader = new ConfigReader(Env.of(env));
        CommonConfig config = CommonConfig.read(reader);
        reader.throwIfInvalid();
        RedissonClient client = new RedisConnector(Backoff.REDIS_STARTUP).connectOnce(config.redis(), "tls-test");
        try {
            client.getBucket("k").set("v");
            return (String) client.getBucket("k").get();
        } finally {
            client.shutdown();
        }
    }

    private void serve(String name) throws IOException {
        redis.call("CONFIG", "SET", "tls-cert-file", certificates.certificate(name).toString(), "tls-key-file",
                certificates.key(name).toString());
    }
}
