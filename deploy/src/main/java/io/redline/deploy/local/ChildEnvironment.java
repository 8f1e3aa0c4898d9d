package io.redline.deploy.local;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisSettings;
import io.redline.deploy.local.ports.PortLayout;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The variables of each child: exactly these and nothing of the user's shell, so that a stray {@code HTTP_PORT}
 * in it cannot move a process. Values are chosen so that a demo shows every behaviour within a minute.
 */
final class ChildEnvironment {

    /** Loopback is the runner's browsing traffic, which sends its shoppers' addresses as X-Forwarded-For. */
    static final String TRUSTED_PROXIES = "127.0.0.1/32, ::1/128";
    static final String SHUTDOWN_GRACE = "10s";

    private final String redisUrl;
    private final RedisSettings redis;
    private final KeyNamespace namespace;
    private final PortLayout ports;
    private final Map<String, String> inherited;

    /**
     * @param redisUrl the URL as given (with its password), not the masked form
     * @param inherited the runner's own environment, of which PATH, HOME, LANG and TZ pass on
     */
    ChildEnvironment(String redisUrl, RedisSettings redis, KeyNamespace namespace, PortLayout ports,
                     Map<String, String> inherited) {
        this.redisUrl = redisUrl;
        this.redis = redis;
        this.namespace = namespace;
        this.ports = ports;
        this.inherited = inherited;
    }

    Map<String, String> of(Member member) {
        Map<String, String> env = new HashMap<>();
        for (String name : new String[] {"PATH", "HOME", "LANG", "TZ"}) {
            if (inherited.get(name) != null) {
                env.put(name, inherited.get(name));
            }
        }
        env.put("REDIS_URL", redisUrl);
        env.put("REDIS_MODE", redis.mode().name().toLowerCase(Locale.ROOT));
        if (redis.mode() == RedisMode.SENTINEL) {
            env.put("REDIS_SENTINEL_MASTER", redis.sentinelMaster());
        }
        if (!namespace.equals(KeyNamespace.NONE)) {
            env.put("REDLINE_NAMESPACE", inherited.get("REDLINE_NAMESPACE"));
        }
        env.put("ADMIN_PORT", String.valueOf(ports.adminPort(member.name())));
        env.put("LOG_FORMAT", "text");
        env.put("SHUTDOWN_GRACE", SHUTDOWN_GRACE);
        if (member.servesHttp()) {
            env.put("HTTP_PORT", String.valueOf(ports.httpPort(member.name())));
        }
        switch (member.module()) {
            case Member.GATEWAY -> {
                env.put("ORIGIN_URL", "http://127.0.0.1:" + ports.port(PortLayout.ORIGIN));
                env.put("TRUSTED_PROXIES", TRUSTED_PROXIES);
                env.put("CACHE_FRESH_TTL", "10s");
                env.put("CACHE_STALE_TTL", "60s");
                env.put("RATE_LIMIT", "50");
                env.put("RATE_WINDOW", "10s");
            }
            case Member.WORKERS -> {
                // stable consumer names: a process restarted with --restart takes its pending entries back
                env.put("HOSTNAME", member.name());
                env.put("CLAIM_IDLE", "30s");
                // on a Cluster with replicas, the user may want acknowledgements to wait for them
                for (String name : new String[] {"EFFECTS_SYNC_REPLICAS", "EFFECTS_SYNC_TIMEOUT"}) {
                    if (inherited.get(name) != null) {
                        env.put(name, inherited.get(name));
                    }
                }
            }
            case Member.STATS -> {
                if (member.name().equals(Member.STATS_PAGE)) {
                    env.put("HTTP_PORT", String.valueOf(ports.port(PortLayout.STATS_PAGE)));
                }
            }
            default -> {
                // chat-node: the common variables are all it needs
            }
        }
        return env;
    }
}
