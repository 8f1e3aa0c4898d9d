package io.redline.core.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Asks whether anything accepts a TCP connection at one of a URL's addresses, once, without retrying. At a
 * {@code rediss://} address it also makes the TLS handshake and waits for an answer ({@link TlsProbe}): a refused
 * certificate then fails at once with the TLS engine's reason ({@code certificate_required},
 * {@code No subject alternative names matching ...}), where Redisson would report a command timeout after its
 * retries.
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

    /**
     * Tries the addresses in order and stops at the first that accepts (and completes TLS where asked). Over TLS
     * in sentinel mode, the master the sentinel names is then tried the same way, so that a master that refuses
     * the client's certificate is reported as such.
     */
    static RedisProbe tcp(Duration timeout) {
        return settings -> {
            StringBuilder reasons = new StringBuilder();
            for (RedisEndpoint endpoint : settings.url().endpoints()) {
                Optional<RedisEndpoint> master;
                try (Socket socket = connect(endpoint, timeout)) {
                    master = endpoint.tls() ? TlsProbe.hello(socket, endpoint, settings.tls(),
                            settings.mode() == RedisMode.SENTINEL ? settings.sentinelMaster() : null, timeout)
                            : Optional.empty();
                } catch (IOException e) {
                    reasons.append(reasons.length() == 0 ? "" : "; ").append(endpoint.host()).append(':')
                            .append(endpoint.port()).append(": ").append(describe(e));
                    continue;
                }
                if (master.isPresent()) {
                    checkMaster(master.get(), settings, timeout);
                }
                return;
            }
            throw new IOException(reasons.toString());
        };
    }

    private static Socket connect(RedisEndpoint endpoint, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static void checkMaster(RedisEndpoint master, RedisSettings settings, Duration timeout)
            throws IOException {
        try (Socket socket = connect(master, timeout)) {
            TlsProbe.hello(socket, master, settings.tls(), null, timeout);
        } catch (IOException e) {
            throw new IOException(master.host() + ':' + master.port() + " (master " + settings.sentinelMaster()
                    + ", as the sentinels name it): " + describe(e), e);
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
