package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.process.CommonConfig;
import io.redline.testkit.FreePorts;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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

    private Path dir;
    private RedisProcess redis;
    private int tlsPort;

    @BeforeAll
    void startATlsServer() throws Exception {
        Assumptions.assumeTrue(openssl("version") == 0, "openssl is not installed");
        dir = Files.createTempDirectory("redline-tls");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=Redline test CA");
        certificate("localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        certificate("elsewhere", "subjectAltName=DNS:redis.example");
        certificate("client", "extendedKeyUsage=clientAuth");
        tlsPort = FreePorts.find();
        redis = RedisProcess.server(RedisBinaries.anyServer(), "--tls-port", String.valueOf(tlsPort),
                "--tls-cert-file", file("localhost.pem"), "--tls-key-file", file("localhost.key"),
                "--tls-ca-cert-file", file("ca.pem"), "--tls-auth-clients", "optional");
    }

    @AfterAll
    void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aServerSignedByTheGivenCaIsReachedAndWithoutTheCaItIsNot() throws Exception {
        assertEquals("v", roundTrip(Map.of("REDIS_TLS_CA", file("ca.pem")), "localhost"));
        assertThrows(RuntimeException.class, () -> roundTrip(Map.of(), "localhost"),
                "the JVM's own trust store does not know the test CA");
    }

    @Test
    void aCertificateForAnotherNameIsRefusedUnlessOnlyTheCaIsVerified() throws Exception {
        serve("elsewhere");
        try {
            assertThrows(RuntimeException.class, () -> roundTrip(Map.of("REDIS_TLS_CA", file("ca.pem")),
                    "127.0.0.1"), "the certificate names redis.example, not 127.0.0.1");
            assertEquals("v", roundTrip(Map.of("REDIS_TLS_CA", file("ca.pem"), "REDIS_TLS_VERIFY", "ca"),
                    "127.0.0.1"));
        } finally {
            serve("localhost");
        }
    }

    @Test
    void aServerThatRequiresClientCertificatesTakesTheOneGiven() throws Exception {
        RawRedis.once(redis.port(), "CONFIG", "SET", "tls-auth-clients", "yes");
        try {
            assertThrows(RuntimeException.class, () -> roundTrip(Map.of("REDIS_TLS_CA", file("ca.pem")),
                    "localhost"), "no client certificate");
            assertEquals("v", roundTrip(Map.of("REDIS_TLS_CA", file("ca.pem"), "REDIS_TLS_CERT", file("client.pem"),
                    "REDIS_TLS_KEY", file("client.key")), "localhost"));
        } finally {
            RawRedis.once(redis.port(), "CONFIG", "SET", "tls-auth-clients", "optional");
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
        RawRedis.once(redis.port(), "CONFIG", "SET", "tls-cert-file", file(name + ".pem"), "tls-key-file",
                file(name + ".key"));
    }

    private void certificate(String name, String extension) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj",
                "/CN=" + name);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private int openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
