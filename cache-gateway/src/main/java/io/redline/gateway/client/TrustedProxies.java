package io.redline.gateway.client;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.util.InetAddressSet;

/** The proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}: CIDRs and addresses). */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<String> patterns;
    private final InetAddressSet set = new InetAddressSet();

    private TrustedProxies(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        patterns.forEach(set::add);
    }

    /**
     * Parses a comma-separated list such as {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}.
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    public static TrustedProxies parse(String text) {
        List<String> patterns = Stream.of(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        for (String pattern : patterns) {
            if (!looksLikeCidr(pattern)) {
                throw new IllegalArgumentException("must be a comma-separated list of IP addresses or CIDR blocks"
                        + " such as 10.0.0.0/8, 192.168.1.7, fd00::/8 (\"" + pattern + "\" is neither)");
            }
        }
        return new TrustedProxies(patterns);
    }

    public boolean trusts(InetAddress address) {
        return !patterns.isEmpty() && set.test(address);
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }

    private static boolean looksLikeCidr(String pattern) {
        int slash = pattern.indexOf('/');
        String address = slash < 0 ? pattern : pattern.substring(0, slash);
        if (!IpLiterals.isLiteral(address)) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String bits = pattern.substring(slash + 1);
        int max = address.contains(":") ? 128 : 32;
        return bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= max;
    }
}
