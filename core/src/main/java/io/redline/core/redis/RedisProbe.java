package io.redline.core.redis;

import io.redline.core.redis.tls.RedisTls;
import io.redline.core.redis.tls.TlsMaterial;
import io.redline.core.redis.tls.TlsVerification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Asks whether anything accepts a TCP connection at one of a URL's addresses, once, without retrying. At a
 * {@code rediss://} address it also makes the TLS handshake with the settings' CA, host name check and client
 * certificate, and waits for the answer to a {@code PING}: a refused certificate then fails at once with the TLS
 * engine's reason ({@code certificate_required}, {@code No subject alternative names matching ...}), where
 * Redisson would report a command timeout after its retries (a TLS 1.3 server refuses a missing client
 * certificate only after the client has finished its handshake).
 *
 * <p>{@link RedisConnector} asks this before each attempt because Redisson's own start-up retries
 * ({@code retryAttempts} + 1 tries, 1 to 2 s apart) would otherwise turn each attempt into about 6 s of hidden
 * waiting under the start-up backoff. Those retries stay as they are for commands, where they ride out a failover.
 */
@FunctionalInterface
interface RedisProbe {

    /** How long one address may take to accept before it counts as unreachable. */
    Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * @throws IOException when no address accepts, its message naming each address and why
     */
    void check(RedisSettings settings) throws IOException;

    /** Tries the addresses in order and stops at the first that accepts (and completes TLS where asked). */
    static RedisProbe tcp(Duration timeout) {
        return settings -> {
            StringBuilder reasons = new StringBuilder();
            for (RedisEndpoint endpoint : settings.url().endpoints()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
                    if (endpoint.tls()) {
                        tlsPing(socket, endpoint, settings.tls(), timeout);
                    }
                    return;
                } catch (IOException e) {
                    reasons.append(reasons.length() == 0 ? "" : "; ").append(endpoint.host()).append(':')
                            .append(endpoint.port()).append(": ").append(describe(e));
                }
            }
            throw new IOException(reasons.toString());
        };
    }

    /** Any reply will do (a server that wants a password answers {@code -NOAUTH}): TLS is what is checked. */
    private static void tlsPing(Socket socket, RedisEndpoint endpoint, RedisTls tls, Duration timeout)
            throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try (SSLSocket secure = (SSLSocket) TlsMaterial.context(tls).getSocketFactory().createSocket(socket,
                endpoint.host(), endpoint.port(), false)) {
            SSLParameters parameters = secure.getSSLParameters();
            if (tls.verification() == TlsVerification.FULL) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            secure.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            secure.getOutputStream().flush();
            if (secure.getInputStream().read() < 0) {
                throw new IOException("the server closed the TLS connection without answering PING");
            }
        }
    }

    private static String describe(IOException e) {
        // an UnknownHostException's message is only the host name, which the caller shows already
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        return e instanceof SSLException ? "TLS refused: " + e.getMessage() : String.valueOf(e.getMessage());
    }
}
