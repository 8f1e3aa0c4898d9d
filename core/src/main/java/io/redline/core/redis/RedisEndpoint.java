package io.redline.core.redis;

/**
 * One Redis address.
 *
 * @param tls whether the connection uses TLS ({@code rediss://})
 * @param host host name or IP address (IPv6 without brackets)
 * @param port TCP port
 */
public record RedisEndpoint(boolean tls, String host, int port) {

    public RedisEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty, but was \"" + host + "\"");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, but was " + port);
        }
    }

    /** The address in the form Redisson takes: {@code redis://host:port} or {@code rediss://[::1]:port}. */
    public String address() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "rediss://" : "redis://") + shownHost + ":" + port;
    }

    @Override
    public String toString() {
        return address();
    }
}
