package io.redline.testkit;

import io.redline.core.redis.tls.RedisTls;
import io.redline.core.redis.tls.TlsMaterial;
import io.redline.core.redis.tls.TlsVerification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * A private CA and certificates signed by it, made by {@code openssl} in a temporary directory, for TLS-enabled
 * test servers: {@code localhost} (for {@code localhost} and {@code 127.0.0.1}), {@code elsewhere} (for
 * {@code redis.example} only, to test host name checks) and {@code client} (a client certificate). Every file is
 * PEM; keys are PKCS#8 without a password. Each instance has a CA of its own, so a second one is an unknown CA to
 * servers of the first.
 */
public final class TestCertificates {

    /** The server certificate for {@code localhost} and {@code 127.0.0.1}. */
    public static final String LOCALHOST = "localhost";
    /** A server certificate for {@code redis.example} only. */
    public static final String ELSEWHERE = "elsewhere";
    /** A client certificate ({@code extendedKeyUsage=clientAuth}). */
    public static final String CLIENT = "client";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Makes the CA and the three certificates; skips the calling test (class) when openssl is not installed. */
    public static TestCertificates create() {
        Assumptions.assumeTrue(openssl(null, "version") == 0, "TLS tests need openssl on PATH");
        try {
            TestCertificates certificates = new TestCertificates(Files.createTempDirectory("redline-tls-"));
            certificates.make();
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CA certificate, for {@code REDIS_TLS_CA} and {@code --tls-ca-cert-file}. */
    public Path ca() {
        return file("ca.pem");
    }

    /** The certificate chain of {@code name} ({@link #LOCALHOST}, {@link #ELSEWHERE} or {@link #CLIENT}). */
    public Path certificate(String name) {
        return file(name + ".pem");
    }

    /** The key of {@code name}'s certificate. */
    public Path key(String name) {
        return file(name + ".key");
    }

    /**
     * Redline's TLS settings for servers of these certificates: trust this CA, check host names, and show the
     * client certificate.
     */
    public RedisTls clientTls() {
        return new RedisTls(ca(), certificate(CLIENT), key(CLIENT), TlsVerification.FULL);
    }

    /**
     * Sockets that trust this CA and show the client certificate, for the kit's own plain-RESP connections to
     * servers that accept TLS only.
     */
    public SSLSocketFactory socketFactory() {
        return TlsMaterial.context(clientTls()).getSocketFactory();
    }

    private void make() throws IOException {
        run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=Redline test CA");
        sign(LOCALHOST, "subjectAltName=DNS:localhost,IP:127.0.0.1");
        sign(ELSEWHERE, "subjectAltName=DNS:redis.example");
        sign(CLIENT, "extendedKeyUsage=clientAuth");
    }

    private void sign(String name, String extension) throws IOException {
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj",
                "/CN=" + name);
        run("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private void run(String... args) {
        int exit = openssl(dir, args);
        if (exit != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed with " + exit
                    + " in " + dir);
        }
    }

    private Path file(String name) {
        return dir.resolve(name);
    }

    private static int openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
