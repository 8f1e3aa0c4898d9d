package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.RedisProcess;
import io.redline.testkit.TestCertificates;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * {@code REDIS_MODE=cluster} with {@code rediss://} seeds against a real cluster that accepts TLS only (client port
 * and cluster bus): the nodes Redisson discovers are reached over TLS too, with the same CA, host name check and
 * client certificate.
 */
class ClusterTlsConnectionTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0).withTls();
    private static final String PASSWORD = "s3cret-tls-password";

    @Test
    void keysOfEverySlotRangeAreWrittenOverTlsAndAnUnknownCaIsRefused() throws Exception {
        RedissonClient client = TlsClients.connect(variables(CLUSTER.certificates().ca().toString()));
        try {
            for (int i = 0; i < 30; i++) {
                client.getBucket("tls-key-" + i).set("v" + i);
            }
            for (int i = 0; i < 30; i++) {
                assertEquals("v" + i, client.getBucket("tls-key-" + i).get());
            }
        } finally {
            client.shutdown();
        }
        for (RedisProcess node : CLUSTER.nodes()) {
            long keys = (Long) node.call("DBSIZE");
            assertTrue(keys > 0, node + " holds none of the 30 keys: not every master was written to");
        }
        String foreignCa = TestCertificates.create().ca().toString();
        Throwable refused = assertThrows(RuntimeException.class,
                () -> TlsClients.connect(withPassword(variables(foreignCa))));
        assertRefused(refused, "TLS refused: PKIX path validation failed");
    }

    @Test
    void aCertificateForAnotherNameIsRefusedUnlessOnlyTheCaIsVerified() throws Exception {
        TestCertificates certificates = CLUSTER.certificates();
        CLUSTER.configSet("tls-cert-file", certificates.certificate(TestCertificates.ELSEWHERE).toString(),
                "tls-key-file", certificates.key(TestCertificates.ELSEWHERE).toString());
        try {
            Throwable refused = assertThrows(RuntimeException.class,
                    () -> TlsClients.connect(withPassword(variables(certificates.ca().toString()))));
            assertRefused(refused, "TLS refused: No subject alternative names matching IP address 127.0.0.1 found");
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
            CLUSTER.configSet("tls-cert-file", certificates.certificate(TestCertificates.LOCALHOST).toString(),
                    "tls-key-file", certificates.key(TestCertificates.LOCALHOST).toString());
        }
    }

    @Test
    void nodesThatRequireClientCertificatesTakeTheOneGivenAndRefuseAClientWithout() throws Exception {
        TestCertificates certificates = CLUSTER.certificates();
        CLUSTER.configSet("tls-auth-clients", "yes");
        try {
            Throwable refused = assertThrows(RuntimeException.class,
                    () -> TlsClients.connect(withPassword(variables(certificates.ca().toString()))));
            assertRefused(refused, "TLS refused: Received fatal alert: certificate_required");
            TlsClients.assertMutualTlsWorks(variables(certificates.ca().toString()), certificates);
        } finally {
            CLUSTER.configSet("tls-auth-clients", "optional");
        }
    }

    /** The refusal names the first seed and why, and never the password. */
    private static void assertRefused(Throwable refused, String reason) {
        String first = CLUSTER.nodes().get(0).port() + ": ";
        assertTrue(refused.getMessage().startsWith("127.0.0.1:" + first + reason), refused.getMessage());
        assertFalse(TlsClients.messages(refused).contains(PASSWORD), TlsClients.messages(refused));
    }

    /** The nodes want no password, but a refused handshake comes before AUTH: the message must not show it. */
    private static Map<String, String> withPassword(Map<String, String> variables) {
        variables.put("REDIS_PASSWORD", PASSWORD);
        return variables;
    }

    private static Map<String, String> variables(String ca) {
        Map<String, String> variables = new HashMap<>();
        variables.put("REDIS_MODE", "cluster");
        variables.put("REDIS_URL", CLUSTER.seedUrl());
        variables.put("REDIS_TLS_CA", ca);
        return variables;
    }
}
