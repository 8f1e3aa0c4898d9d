package io.redline.core.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code REDIS_URL}: {@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS, and
 * for cluster or sentinel mode several comma-separated addresses ({@code redis://a:7000,b:7001}; an address
 * without a scheme takes the first one's). Unlike Redisson's own URI handling, {@code /db} is honoured.
 *
 * <p>The last {@code @} of an address ends its user info, so a password may hold a raw {@code /}, {@code ?},
 * {@code #}, {@code :} or {@code @}; a {@code ,} must be written {@code %2C}, since commas separate addresses.
 * {@link #toString()} and {@link #mask} hide the password, and when the text holds an {@code @} no error message
 * quotes any part of it.
 *
 * @param endpoints one or more addresses
 * @param username the ACL user, or {@code null}
 * @param password the password, or {@code null}
 * @param database the logical database ({@code /db}), 0 by default
 */
public record RedisUrl(List<RedisEndpoint> endpoints, String username, String password, int database) {

    public static final String FORM = "redis://[user:password@]host:port[/db] or rediss://... for TLS";

    /** A user name, which {@link #mask} keeps: it cannot hold a character that could end it early. */
    private static final Pattern USER = Pattern.compile("[^:/@,?#]*:");

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
        boolean secret = text.indexOf('@') >= 0;
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
            Single single;
            try {
                single = parseOne(item, defaultPort, secret);
            } catch (IllegalArgumentException e) {
                if (secret && item.indexOf('@') < 0) {
                    // an address without credentials in a text with some: most likely a ',' split a password
                    throw new IllegalArgumentException(e.getMessage() + " (a , in a password must be written %2C)", e);
                }
                throw e;
            }
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

    /**
     * The text, safe to print. When it holds an {@code @} (credentials), all from the first user name's
     * {@code :} (or from the first {@code ://} when there is no user name) to the last {@code @} becomes
     * {@code ***}: a password may hold {@code ,}, {@code /}, {@code @} or {@code :}, so nothing between could be
     * shown safely, even if that also hides the hosts of earlier addresses in a list.
     */
    public static String mask(String text) {
        int lastAt = text == null ? -1 : text.lastIndexOf('@');
        if (lastAt < 0) {
            return text;
        }
        int scheme = text.indexOf("://");
        int start = scheme < 0 || scheme > lastAt ? 0 : scheme + 3;
        Matcher user = USER.matcher(text).region(start, lastAt);
        int keep = user.lookingAt() ? user.end() : start;
        return text.substring(0, keep) + "***" + text.substring(lastAt);
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

    private static Single parseOne(String item, int defaultPort, boolean secret) {
        int separator = item.indexOf("://");
        String scheme = separator < 0 ? null : item.substring(0, separator);
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("must be " + FORM + " (the scheme must be redis or rediss)");
        }
        String rest = item.substring(separator + 3);
        // The host part never holds an '@', so the last one ends the user info whatever the password holds:
        // a raw '/', '?', '#', ':' or '@' in a password is taken as part of it, not as a path, query or port.
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String hostAndPath = rest.substring(at + 1);
        if (hostAndPath.isEmpty()) {
            throw new IllegalArgumentException("must be " + FORM + " (the host is missing)");
        }
        URI uri;
        try {
            uri = new URI(scheme + "://" + hostAndPath);
        } catch (URISyntaxException e) {
            // not chained: the cause's message quotes the text
            throw new IllegalArgumentException("must be " + FORM + " (not a valid URL)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be " + FORM + " (query parameters are not supported)");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("must be " + FORM + " (the host is missing)");
        }
        RedisEndpoint endpoint = endpoint("rediss".equals(scheme), authority, defaultPort, secret);
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? null : emptyToNull(decode(userInfo.substring(colon + 1)));
        }
        return new Single(endpoint, username, password, database(uri.getRawPath(), secret),
                userInfo != null || hasPath(uri));
    }

    private static RedisEndpoint endpoint(boolean tls, String hostPort, int defaultPort, boolean secret) {
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
        return new RedisEndpoint(tls, host, port == null ? defaultPort : port(port, secret));
    }

    private static int port(String text, boolean secret) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException("must be " + FORM + " (the port must be a number from 1 to 65535"
                + butWas(text, secret) + ")");
    }

    private static int database(String path, boolean secret) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String text = path.substring(1);
        if (text.matches("\\d{1,5}")) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException("must be " + FORM + " (the database must be a number like /0"
                + butWas(path, secret) + ")");
    }

    /**
     * Quotes the offending part only when the text has no credentials: with a ',' in a password, a "port" or
     * "database" is a piece of the password.
     */
    private static String butWas(String part, boolean secret) {
        return secret ? "" : ", but was \"" + part + "\"";
    }

    private static boolean hasPath(URI uri) {
        return uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/");
    }

    /** Percent-decoding as in a URI: a '+' stays a '+'. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not chained: the cause's message quotes the password
            throw new IllegalArgumentException("must be " + FORM
                    + " (a % in the user name or password must start an escape: write % itself as %25)");
        }
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
