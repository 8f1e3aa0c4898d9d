package io.redline.gateway.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals, parsed without ever asking DNS (a header value must not trigger a lookup). */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    static boolean isLiteral(String text) {
        return parse(text).isPresent();
    }

    static Optional<InetAddress> parse(String text) {
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        var ipv4 = IPV4.matcher(candidate);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!candidate.contains(":") || !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            // a literal of digits, dots, colons and hex only: getByName parses it and does no lookup
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
