package io.redline.gateway.origin;

import java.util.Locale;
import java.util.Set;

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1), plus those the HTTP client or
 * server sets itself: never copied from one side to the other.
 */
public final class HopByHop {

    private static final Set<String> NAMES = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            // set by the HTTP client or server for the connection they write on
            "host", "content-length", "expect", "http2-settings");

    private HopByHop() {
    }

    /**
     * @param connectionHeader the message's {@code Connection} header value, which may name more such headers
     */
    public static boolean isHopByHop(String name, String connectionHeader) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NAMES.contains(lower)) {
            return true;
        }
        if (connectionHeader == null) {
            return false;
        }
        for (String token : connectionHeader.split(",")) {
            if (token.trim().equalsIgnoreCase(lower)) {
                return true;
            }
        }
        return false;
    }
}
