package io.redline.chat.identity;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code CHAT_TOKEN_SECRET} and {@code CHAT_ALLOWED_ORIGINS}.
 *
 * @param tokenSecret the HMAC secret of connection tokens, or null when clients say who they are
 * @param allowedOrigins the page origins allowed ({@code https://chat.example.com}), or empty for all
 */
public record IdentitySettings(String tokenSecret, List<String> allowedOrigins) {

    /** No tokens, any origin: the trusted-network default. */
    public static final IdentitySettings OPEN = new IdentitySettings(null, List.of());
    public static final int MIN_SECRET_LENGTH = 32;
    public static final String ORIGINS = "a comma-separated list of origins such as https://chat.example.com"
            + " (scheme, host and port only)";

    public IdentitySettings {
        if (tokenSecret != null && tokenSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("tokenSecret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** @throws IllegalArgumentException saying what an origin must be */
    public static List<String> origins(String text) {
        List<String> origins = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String origin : origins) {
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be " + ORIGINS, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("must be " + ORIGINS);
            }
        }
        return origins;
    }

    /** The secret stays out of logs and messages. */
    @Override
    public String toString() {
        return "IdentitySettings[tokens=" + (tokenSecret == null ? "off" : "on") + ", allowedOrigins="
                + allowedOrigins + "]";
    }
}
