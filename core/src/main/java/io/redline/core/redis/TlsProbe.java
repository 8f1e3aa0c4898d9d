package io.redline.core.redis;

import io.redline.core.redis.tls.RedisTls;
import io.redline.core.redis.tls.TlsMaterial;
import io.redline.core.redis.tls.TlsVerification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The TLS part of {@link RedisProbe}: a handshake with the settings' CA, host name check and client certificate,
 * and one command whose answer proves that the server kept the connection. A TLS 1.3 server refuses a missing
 * client certificate only after the client has finished its handshake, so the answer is what shows it.
 */
final class TlsProbe {

    private TlsProbe() {
    }

    /**
     * Over an open socket: the handshake, then {@code PING}, or at a sentinel the master's address.
     *
     * @param sentinelMaster the master to ask a sentinel for, or null to send {@code PING}
     * @return the master a sentinel names, or empty (not a sentinel, or it did not say: Redisson will tell)
     * @throws IOException when the handshake fails or the server closes the connection
     */
    static Optional<RedisEndpoint> hello(Socket socket, RedisEndpoint endpoint, RedisTls tls, String sentinelMaster,
            Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try (SSLSocket secure = handshake(socket, endpoint, tls)) {
            OutputStream out = secure.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(secure.getInputStream(),
                    StandardCharsets.UTF_8));
            if (sentinelMaster == null) {
                // any reply will do (a server that wants a password answers -NOAUTH): TLS is what is checked
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                reply(in);
                return Optional.empty();
            }
            out.write(command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", sentinelMaster));
            out.flush();
            if (!reply(in).equals("*2")) {
                return Optional.empty();
            }
            in.readLine();
            String host = in.readLine();
            in.readLine();
            String port = in.readLine();
            try {
                return Optional.of(new RedisEndpoint(true, host, Integer.parseInt(port)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private static SSLSocket handshake(Socket socket, RedisEndpoint endpoint, RedisTls tls) throws IOException {
        SSLSocket secure = (SSLSocket) TlsMaterial.context(tls).getSocketFactory().createSocket(socket,
                endpoint.host(), endpoint.port(), false);
        SSLParameters parameters = secure.getSSLParameters();
        if (tls.verification() == TlsVerification.FULL) {
            // as Redisson's SslVerificationMode.STRICT
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        secure.setSSLParameters(parameters);
        secure.startHandshake();
        return secure;
    }

    private static String reply(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the TLS connection without answering");
        }
        return line;
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                    .append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
