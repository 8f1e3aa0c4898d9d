package io.redline.core.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Asks whether anything accepts a TCP connection at one of a URL's addresses, once, without retrying.
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
    void check(RedisUrl url) throws IOException;

    /** Tries the addresses in order and stops at the first that accepts. */
    static RedisProbe tcp(Duration timeout) {
        return url -> {
            StringBuilder reasons = new StringBuilder();
            for (RedisEndpoint endpoint : url.endpoints()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
                    return;
                } catch (IOException e) {
                    reasons.append(reasons.length() == 0 ? "" : "; ").append(endpoint.host()).append(':')
                            .append(endpoint.port()).append(": ").append(describe(e));
                }
            }
            throw new IOException(reasons.toString());
        };
    }

    private static String describe(IOException e) {
        // an UnknownHostException's message is only the host name, which the caller shows already
        return e instanceof UnknownHostException ? "unknown host" : String.valueOf(e.getMessage());
    }
}
