package io.redline.core.redis.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** PEM files turned into what the TLS engine takes: trust from CA certificates, an identity from a chain and key. */
public final class TlsMaterial {

    private static final char[] NO_PASSWORD = new char[0];

    private TlsMaterial() {
    }

    /**
     * @param ca PEM certificates to trust, or null for the JVM's trust store
     * @throws IllegalArgumentException saying what is wrong with the file
     */
    public static TrustManagerFactory trust(Path ca) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (ca == null) {
                factory.init((KeyStore) null);
                return factory;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates(ca)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("must be a PEM file of CA certificates (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The TLS context of {@code tls}: its CA (or the JVM's trust store) and its client certificate, if any. Host
     * names are checked by the caller's socket parameters, not here.
     */
    public static SSLContext context(RedisTls tls) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(tls.certificate() == null ? null
                    : identity(tls.certificate(), tls.key()).getKeyManagers(), trust(tls.ca()).getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS engine in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * @param chain the client's PEM certificate chain, its own certificate first
     * @param key its PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}, RSA or EC)
     * @throws IllegalArgumentException saying what is wrong with the files (never their content)
     */
    public static KeyManagerFactory identity(Path chain, Path key) {
        try {
            Collection<? extends Certificate> certificates = certificates(chain);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", privateKey(key), NO_PASSWORD, certificates.toArray(new Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("must be a PEM certificate chain with REDIS_TLS_KEY its PKCS#8 PEM key"
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path file) throws IOException,
            GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return certificates;
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("not a PKCS#8 PEM key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }
}
