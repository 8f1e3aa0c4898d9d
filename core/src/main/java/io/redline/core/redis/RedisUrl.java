package io.redline.core.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed {@code REDIS_URL}: {@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS, and
 * for cluster or sentinel mode several comma-separated addresses ({@code redis://a:7000,b:7001}; an address
 * without a scheme takes the first one's). Unlike Redisson's own URI handling, {@code /db} is honoured.
 *
 * <p>{@link #toString()} and every error message mask the password.
 *
 * @param endpoints one or more addresses
 * @param username the ACL user, or {@code null}
 * @param password the password, or {@code null}
 * @param database the logical database ({@code /db}), 0 by default
 */
public record RedisUrl(List<RedisEndpoint> endpoints, String username, String password, int database) {

    public static final String FORM = "redis://[user:password@]host:port[/db] or rediss://... for TLS";

    private static final Pattern PASSWORD = Pattern.compile("(://[^:/@,]*:)[^,]*@");

    public RedisUrl {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a Redis URL needs at least one address");
        }
        if (database < 0) {
            throw new IllegalArgumentException("database must be >= 0, but was " + database);
        }
    }

    /**
     * Parses a URL or a comma-separated list of them.
     *
     * @param defaultPort the port of an address that names none (6379, or 26379 for sentinels)
     * @throws IllegalArgumentException saying what is wrong; the message never holds the password
     */
    public static RedisUrl parse(String text, int defaultPort) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must be " + FORM);
        }
        String[] items = text.split(",", -1);
        String scheme = null;
        List<RedisEndpoint> endpoints = new ArrayList<>();
        Single first = null;
        for (String raw : items) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("must be a comma-separated list of " + FORM + " with no empty entry");
            }
            if (!item.contains("://") && scheme != null) {
                item = scheme + "://" + item;
            }
            Single single = parseOne(item, defaultPort);
            scheme = single.endpoint.tls() ? "rediss" : "redis";
            if (first == null) {
                first = single;
            } else if (single.hasOwnSettings() && !single.sameSettings(first)) {
                throw new IllegalArgumentException("all addresses must share one user, password and database");
            }
            endpoints.add(single.endpoint);
        }
        return new RedisUrl(endpoints, first.username, first.password, first.database);
    }

    /** The text with every password replaced by {@code ***}, safe to print. */
    public static String mask(String text) {
        return text == null ? null : PASSWORD.matcher(text).replaceAll("$1***@");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (RedisEndpoint endpoint : endpoints) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(endpoint.tls() ? "rediss://" : "redis://");
            if (username != null || password != null) {
                out.append(username == null ? "" : username).append(password == null ? "" : ":***").append('@');
            }
            out.append(endpoint.address().substring(endpoint.address().indexOf("://") + 3));
            out.append('/').append(database);
        }
        return out.toString();
    }

    private static Single parseOne(String item, int defaultPort) {
        if (item.endsWith("://")) {
            throw new IllegalArgumentException("must be " + FORM + " (the host is missing)");
        }
        URI uri;
        try {
            uri = new URI(item);
        } catch (URISyntaxException e) {
            // not chained: the cause's message quotes the whole URL, password included
            throw new IllegalArgumentException("must be " + FORM + " (not a valid URL)");
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("must be " + FORM + " (the scheme must be redis or rediss)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be " + FORM + " (query parameters are not supported)");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("must be " + FORM + " (the host is missing)");
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        RedisEndpoint endpoint = endpoint("rediss".equals(scheme), authority.substring(at + 1), defaultPort);
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? null : emptyToNull(decode(userInfo.substring(colon + 1)));
        }
        return new Single(endpoint, username, password, database(uri.getRawPath()), userInfo != null || hasPath(uri));
    }

    private static RedisEndpoint endpoint(boolean tls, String hostPort, int defaultPort) {
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("must be " + FORM + " (unclosed [ in an IPv6 address)");
            }
            host = hostPort.substring(1, close);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("must be " + FORM + " (unexpected text after an IPv6 address)");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("must be " + FORM + " (the host is missing)");
        }
        return new RedisEndpoint(tls, host, port == null ? defaultPort : port(port));
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException("must be " + FORM + " (the port must be a number from 1 to 65535, but was \""
                + text + "\")");
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String text = path.substring(1);
        if (text.matches("\\d{1,5}")) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException("must be " + FORM + " (the database must be a number like /0, but was \""
                + path + "\")");
    }

    private static boolean hasPath(URI uri) {
        return uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/");
    }

    /** Percent-decoding as in a URI: a '+' stays a '+'. */
    private static String decode(String text) {
        // java.net.URI has already refused malformed escapes
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private record Single(RedisEndpoint endpoint, String username, String password, int database,
                          boolean hasOwnSettings) {

        boolean sameSettings(Single other) {
            return Objects.equals(username, other.username) && Objects.equals(password, other.password)
                    && database == other.database;
        }
    }
}
