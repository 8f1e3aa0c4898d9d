package io.redline.gateway.purge;

import io.redline.core.config.ConfigReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code ADMIN_TOKEN} (or {@code ADMIN_TOKEN_FILE}): the bearer token of the admin endpoints that change state.
 * Never shown: {@link #toString()} hides it, and errors name the variable only.
 */
public final class AdminToken {

    /** No token configured: the endpoints it guards do not exist. */
    public static final AdminToken NONE = new AdminToken(null);
    public static final int MIN_LENGTH = 16;

    private final byte[] token;

    private AdminToken(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException when the token is shorter than {@link #MIN_LENGTH} (not echoed) */
    public static AdminToken of(String token) {
        if (token == null || token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin token must be at least " + MIN_LENGTH + " characters");
        }
        return new AdminToken(token);
    }

    /** Reads {@code ADMIN_TOKEN} or {@code ADMIN_TOKEN_FILE}; a bad one is reported to the reader. */
    public static AdminToken read(ConfigReader reader) {
        Optional<String> secret = reader.secret("ADMIN_TOKEN");
        if (secret.isEmpty()) {
            return NONE;
        }
        if (secret.get().length() < MIN_LENGTH) {
            reader.reject("ADMIN_TOKEN", "***", "must be at least " + MIN_LENGTH
                    + " characters: a random secret, such as the output of openssl rand -base64 32");
            return NONE;
        }
        return new AdminToken(secret.get());
    }

    public boolean configured() {
        return token != null;
    }

    /** Whether {@code presented} is the token, in time that does not depend on where they differ. */
    public boolean matches(String presented) {
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return token == null ? "none" : "***";
    }
}
