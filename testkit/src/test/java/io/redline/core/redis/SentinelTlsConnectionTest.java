package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.RedisSentinelExtension;
import io.redline.testkit.TestCertificates;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * {@code REDIS_MODE=sentinel} with {@code rediss://} sentinels against a real group that accepts TLS only (clients,
 * replication and sentinels): the master the sentinels name is reached over TLS too, with the same CA, host name
 * check and client certificate.
 */
class SentinelTlsConnectionTest {

    @RegisterExtension
    static final RedisSentinelExtension SENTINEL = new RedisSentinelExtension().withTls();
    private static final String PASSWORD = "s3cret-tls-password";

    @Test
    void writesGoOverTlsToTheMasterTheSentinelsNameAndAnUnknownCaIsRefused() throws Exception {
        RedissonClient client = TlsClients.connect(variables(SENTINEL.certificates().ca().toString()));
        try {
            client.getBucket("tls-through-sentinel").set("yes");
        } finally {
            client.shutdown();
        }
        assertEquals("yes", SENTINEL.master().call("GET", "tls-through-sentinel"));
        String foreignCa = TestCertificates.create().ca().toString();
        Throwable refused = assertThrows(RuntimeException.class,
                () -> TlsClients.connect(withPassword(variables(foreignCa))));
        assertTrue(refused.getMessage().startsWith(SENTINEL.sentinelUrl().split(",")[0].replace("rediss://", "")
                + ": TLS refused: PKIX path validation failed"), refused.getMessage());
        assertNoPassword(refused);
    }

    @Test
    void aMasterCertificateForAnotherNameIsRefusedUnlessOnlyTheCaIsVerified() throws Exception {
        TestCertificates certificates = SENTINEL.certificates();
        SENTINEL.configSetOnServers("tls-cert-file", certificates.certificate(TestCertificates.ELSEWHERE).toString(),
                "tls-key-file", certificates.key(TestCertificates.ELSEWHERE).toString());
        try {
            Throwable refused = assertThrows(RuntimeException.class,
                    () -> TlsClients.connect(withPassword(variables(certificates.ca().toString()))));
            assertEquals(master() + "TLS refused: No subject alternative names matching IP address 127.0.0.1 found",
                    refused.getMessage());
            assertNoPassword(refused);
            Map<String, String> caOnly = variables(certificates.ca().toString());
            caOnly.put("REDIS_TLS_VERIFY", "ca");
            RedissonClient client = TlsClients.connect(caOnly);
            try {
                client.getBucket("tls-ca-only").set("yes");
                assertEquals("yes", client.getBucket("tls-ca-only").get());
            } finally {
                client.shutdown();
            }
        } finally {
            SENTINEL.configSetOnServers("tls-cert-file",
                    certificates.certificate(TestCertificates.LOCALHOST).toString(),
                    "tls-key-file", certificates.key(TestCertificates.LOCALHOST).toString());
        }
    }

    @Test
    void serversThatRequireClientCertificatesTakeTheOneGivenAndRefuseAClientWithout() throws Exception {
        TestCertificates certificates = SENTINEL.certificates();
        SENTINEL.configSetOnServers("tls-auth-clients", "yes");
        try {
            Throwable refused = assertThrows(RuntimeException.class,
                    () -> TlsClients.connect(withPassword(variables(certificates.ca().toString()))));
            assertEquals(master() + "TLS refused: Received fatal alert: certificate_required", refused.getMessage());
            assertNoPassword(refused);
            TlsClients.assertMutualTlsWorks(variables(certificates.ca().toString()), certificates);
        } finally {
            SENTINEL.configSetOnServers("tls-auth-clients", "optional");
        }
    }

    /** How a refusal by the master begins: the master's address, and where it came from. */
    private static String master() {
        return "127.0.0.1:" + SENTINEL.master().port() + " (master " + RedisSentinelExtension.MASTER_NAME
                + ", as the sentinels name it): ";
    }

    /** The refusal never shows the password. */
    private static void assertNoPassword(Throwable refused) {
        assertFalse(TlsClients.messages(refused).contains(PASSWORD), TlsClients.messages(refused));
    }

    /** The servers want no password, but a refused handshake comes before AUTH: the message must not show it. */
    private static Map<String, String> withPassword(Map<String, String> variables) {
        variables.put("REDIS_PASSWORD", PASSWORD);
        return variables;
    }

    private static Map<String, String> variables(String ca) {
        Map<String, String> variables = new HashMap<>();
        variables.put("REDIS_MODE", "sentinel");
        variables.put("REDIS_URL", SENTINEL.sentinelUrl());
        variables.put("REDIS_SENTINEL_MASTER", RedisSentinelExtension.MASTER_NAME);
        variables.put("REDIS_TLS_CA", ca);
        return variables;
    }
}
