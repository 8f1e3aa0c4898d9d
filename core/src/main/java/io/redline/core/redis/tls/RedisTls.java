package io.redline.core.redis.tls;

import io.redline.core.config.ConfigReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a {@code rediss://} connection is made: {@code REDIS_TLS_CA} (PEM certificates to trust instead of the JVM's
 * own), {@code REDIS_TLS_VERIFY} ({@code full}, the default, or {@code ca}), and {@code REDIS_TLS_CERT} with
 * {@code REDIS_TLS_KEY} (a PEM certificate chain and its PKCS#8 key) for servers that require client certificates.
 *
 * @param ca the CA file, or null for the JVM's trust store
 * @param certificate the client certificate chain, or null
 * @param key the client key, or null (set with {@code certificate})
 * @param verification what the server's certificate must prove
 */
public record RedisTls(Path ca, Path certificate, Path key, TlsVerification verification) {

    public static final RedisTls DEFAULT = new RedisTls(null, null, null, TlsVerification.FULL);
    private static final String CA = "REDIS_TLS_CA";
    private static final String CERT = "REDIS_TLS_CERT";
    private static final String KEY = "REDIS_TLS_KEY";

    public RedisTls {
        if (verification == null) {
            throw new IllegalArgumentException("verification is required");
        }
        if ((certificate == null) != (key == null)) {
            throw new IllegalArgumentException("a client certificate needs its key and a key its certificate, but"
                    + " were " + certificate + " and " + key);
        }
    }

    /**
     * Reads the TLS variables; each file is read now, so that a missing or unreadable one is a configuration
     * error at start.
     *
     * @param tls whether {@code REDIS_URL} asks for TLS: the variables are refused for a plain connection
     */
    public static RedisTls read(ConfigReader reader, boolean tls) {
        Optional<String> ca = reader.optional(CA);
        Optional<String> certificate = reader.optional(CERT);
        Optional<String> key = reader.optional(KEY);
        TlsVerification verification = reader.choice("REDIS_TLS_VERIFY", TlsVerification.FULL,
                TlsVerification.class);
        if (!tls) {
            for (String variable : new String[] {CA, CERT, KEY}) {
                reader.optional(variable).ifPresent(value -> reader.reject(variable, value,
                        "only for a TLS connection: REDIS_URL must start with rediss://"));
            }
            return DEFAULT;
        }
        if (certificate.isPresent() != key.isPresent()) {
            String missing = certificate.isPresent() ? KEY : CERT;
            reader.reject(missing, null, "required with " + (certificate.isPresent() ? CERT : KEY)
                    + ": a client certificate and its key go together");
            return DEFAULT;
        }
        RedisTls read = new RedisTls(ca.map(Path::of).orElse(null), certificate.map(Path::of).orElse(null),
                key.map(Path::of).orElse(null), verification);
        try {
            TlsMaterial.trust(read.ca);
        } catch (IllegalArgumentException e) {
            reader.reject(CA, ca.orElse(""), e.getMessage());
        }
        if (read.certificate != null) {
            try {
                TlsMaterial.identity(read.certificate, read.key);
            } catch (IllegalArgumentException e) {
                reader.reject(CERT, certificate.orElse(""), e.getMessage());
            }
        }
        return reader.hasErrors() ? DEFAULT : read;
    }
}
