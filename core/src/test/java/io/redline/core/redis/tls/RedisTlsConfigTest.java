package io.redline.core.redis.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.config.CommonConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisTlsConfigTest {

    @TempDir
    Path dir;

    @Test
    void tlsFilesForAPlainConnectionAreRefused() {
        assertEquals(List.of("REDIS_TLS_CA=\"/etc/ca.pem\" is invalid: only for a TLS connection: REDIS_URL must"
                + " start with rediss://"), errors(Map.of("REDIS_URL", "redis://redis:6379", "REDIS_TLS_CA",
                "/etc/ca.pem")));
    }

    @Test
    void aCaFileThatIsNotPemCertificatesIsRefusedAtStart() throws IOException {
        Path garbage = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        List<String> errors = errors(Map.of("REDIS_URL", "rediss://redis:6379", "REDIS_TLS_CA", garbage.toString()));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(true, errors.get(0).startsWith("REDIS_TLS_CA=\"" + garbage + "\" is invalid: must be a PEM"
                + " file of CA certificates ("), errors.get(0));
    }

    @Test
    void aClientCertificateWithoutItsKeyIsRefused() {
        assertEquals(List.of("REDIS_TLS_KEY is not set: required with REDIS_TLS_CERT: a client certificate and its"
                + " key go together"), errors(Map.of("REDIS_URL", "rediss://redis:6379", "REDIS_TLS_CERT",
                "/etc/client.pem")));
    }

    @Test
    void aBadVerificationModeIsRefused() {
        List<String> errors = errors(Map.of("REDIS_URL", "rediss://redis:6379", "REDIS_TLS_VERIFY", "none"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(true, errors.get(0).startsWith("REDIS_TLS_VERIFY=\"none\" is invalid"), errors.get(0));
    }

    @Test
    void byDefaultHostNamesAreCheckedAgainstTheJvmsTrustStore() {
        assertEquals(RedisTls.DEFAULT, CommonConfigs.read(Map.of("REDIS_URL", "rediss://redis:6379")).redis().tls());
    }

    private static List<String> errors(Map<String, String> env) {
        return CommonConfigs.errors(env);
    }
}
