package io.redline.core.redis;

import io.redline.core.config.ConfigReader;
import io.redline.core.redis.tls.RedisTls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where Redis is and how to reach it: {@code REDIS_MODE}, {@code REDIS_URL}, {@code REDIS_SENTINEL_MASTER}.
 * The rules that tie the three together are written once ({@link #violations}): the constructor refuses what
 * they refuse, and {@link #read} reports each of them against the variable to change.
 *
 * @param mode single, cluster or sentinel
 * @param url the server (single), the seed nodes (cluster) or the sentinels (sentinel)
 * @param sentinelMaster the master's name in sentinel mode, else {@code null}
 * @param tls how a {@code rediss://} connection is made
 */
public record RedisSettings(RedisMode mode, RedisUrl url, String sentinelMaster, RedisTls tls) {

    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    private static final String URL = "REDIS_URL";
    private static final String MASTER = "REDIS_SENTINEL_MASTER";
    private static final String USERNAME = "REDIS_USERNAME";
    private static final String PASSWORD = "REDIS_PASSWORD";

    public RedisSettings {
        if (mode == null || url == null) {
            throw new IllegalArgumentException("mode and url are required, but were " + mode + " and " + url);
        }
        if (tls == null) {
            throw new IllegalArgumentException("tls is required (RedisTls.DEFAULT for the JVM's trust store), but"
                    + " was null");
        }
        List<Violation> violations = violations(mode, url, sentinelMaster);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream()
                    .map(violation -> violation.variable() + ": " + violation.allowed())
                    .collect(Collectors.joining("; ")));
        }
    }

    /** Settings with the default TLS handling (the JVM's trust store, host names checked). */
    public RedisSettings(RedisMode mode, RedisUrl url, String sentinelMaster) {
        this(mode, url, sentinelMaster, RedisTls.DEFAULT);
    }

    public static RedisSettings single(String url) {
        return new RedisSettings(RedisMode.SINGLE, RedisUrl.parse(url, 6379), null);
    }

    /**
     * Reads the three variables, reporting every problem to the reader. When something is wrong the result is
     * only a placeholder: the reader's {@code throwIfInvalid()} is bound to fail.
     */
    public static RedisSettings read(ConfigReader reader) {
        RedisMode mode = reader.choice("REDIS_MODE", RedisMode.SINGLE, RedisMode.class);
        String rawUrl = reader.string(URL, DEFAULT_URL);
        RedisUrl url = null;
        try {
            url = RedisUrl.parse(rawUrl, mode == RedisMode.SENTINEL ? 26_379 : 6379);
        } catch (IllegalArgumentException e) {
            reader.reject(URL, RedisUrl.mask(rawUrl), e.getMessage());
        }
        url = credentials(reader, url);
        RedisTls tls = RedisTls.read(reader, url != null && url.endpoints().stream().anyMatch(RedisEndpoint::tls));
        String master = reader.optional(MASTER).orElse(null);
        for (Violation violation : violations(mode, url, master)) {
            reader.reject(violation.variable(), violation.variable().equals(URL) ? RedisUrl.mask(rawUrl) : master,
                    violation.allowed());
        }
        return reader.hasErrors() ? fallback() : new RedisSettings(mode, url, master, tls);
    }

    /**
     * {@code REDIS_USERNAME} and {@code REDIS_PASSWORD} (or {@code REDIS_PASSWORD_FILE}): the credentials apart
     * from the URL, so that the password can come from a Secret of its own. Not both ways at once.
     */
    private static RedisUrl credentials(ConfigReader reader, RedisUrl url) {
        Optional<String> username = reader.optional(USERNAME);
        Optional<String> password = reader.secret(PASSWORD);
        if (url == null || (username.isEmpty() && password.isEmpty())) {
            return url;
        }
        if (url.username() != null || url.password() != null) {
            reader.reject(password.isPresent() ? PASSWORD : USERNAME, password.isPresent() ? "***" : username.get(),
                    "give the credentials in REDIS_URL or in REDIS_USERNAME and REDIS_PASSWORD, not both");
            return url;
        }
        try {
            return new RedisUrl(url.endpoints(), username.orElse(null), password.orElse(null), url.database());
        } catch (IllegalArgumentException e) {
            reader.reject(USERNAME, username.orElse(""), e.getMessage());
            return url;
        }
    }

    /** The rules across the variables; those about the URL are skipped while it is {@code null} (unreadable). */
    private static List<Violation> violations(RedisMode mode, RedisUrl url, String master) {
        List<Violation> violations = new ArrayList<>();
        if (mode == RedisMode.SENTINEL && (master == null || master.isBlank())) {
            violations.add(new Violation(MASTER, "required when REDIS_MODE=sentinel: the name of the master"));
        }
        if (url != null && mode == RedisMode.SINGLE && url.endpoints().size() != 1) {
            violations.add(new Violation(URL,
                    "REDIS_MODE=single takes exactly one address; set REDIS_MODE=cluster or sentinel for a list"));
        }
        if (url != null && mode == RedisMode.CLUSTER && url.database() != 0) {
            violations.add(new Violation(URL, "Redis Cluster has only database 0: drop the /" + url.database()));
        }
        return violations;
    }

    private static RedisSettings fallback() {
        return single(DEFAULT_URL);
    }

    /** A rule broken: the variable to change and what it must be. */
    private record Violation(String variable, String allowed) {
    }
}
