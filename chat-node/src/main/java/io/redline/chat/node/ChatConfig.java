package io.redline.chat.node;

import io.redline.chat.identity.IdentitySettings;
import io.redline.chat.session.SocketLimits;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Durations;
import java.time.Duration;
import java.util.List;

/**
 * The chat node's own variables. Valid by construction, like the core records; {@link #read} reports every bad
 * variable at once before it constructs one.
 *
 * @param httpPort {@code HTTP_PORT}, default 8080
 * @param sendLimit {@code CHAT_SEND_LIMIT}: messages per user per window, default 20
 * @param sendWindow {@code CHAT_SEND_WINDOW}, default 10s
 * @param presenceTtl {@code PRESENCE_TTL}: how long a node's users stay present without its heartbeat, default 30s
 * @param sockets {@code CHAT_OUTBOUND_QUEUE} (default 256), {@code CHAT_MAX_ROOMS} (default 10),
 *                {@code CHAT_PING_INTERVAL} (default 20s) and {@code CHAT_IDLE_TIMEOUT} (default 60s)
 * @param identity {@code CHAT_TOKEN_SECRET} and {@code CHAT_ALLOWED_ORIGINS}
 */
public record ChatConfig(int httpPort, int sendLimit, Duration sendWindow, Duration presenceTtl,
                         SocketLimits sockets, IdentitySettings identity) {

    /** The most {@code CHAT_SEND_LIMIT} may be; the benchmark, which reads no variable, goes higher. */
    public static final int MAX_SEND_LIMIT = 100_000;
    public static final Duration MIN_SEND_WINDOW = Duration.ofMillis(1);
    public static final Duration MIN_PRESENCE_TTL = Duration.ofSeconds(1);
    private static final int MAX_OUTBOUND_QUEUE = 1_000_000;
    private static final int MAX_ROOMS = 1_000;

    public ChatConfig {
        if (httpPort < 1 || httpPort > 65_535) {
            throw new IllegalArgumentException("httpPort must be from 1 to 65535, but was " + httpPort);
        }
        if (sendLimit < 1) {
            throw new IllegalArgumentException("sendLimit must be > 0, but was " + sendLimit);
        }
        atLeast("sendWindow", sendWindow, MIN_SEND_WINDOW);
        atLeast("presenceTtl", presenceTtl, MIN_PRESENCE_TTL);
        if (sockets == null) {
            throw new IllegalArgumentException("sockets must be set (SocketLimits validates itself), but was null");
        }
        if (identity == null) {
            throw new IllegalArgumentException("identity must be set (IdentitySettings.OPEN for none), but was null");
        }
    }

    /** A config of clients that say who they are, from any origin. */
    public ChatConfig(int httpPort, int sendLimit, Duration sendWindow, Duration presenceTtl, SocketLimits sockets) {
        this(httpPort, sendLimit, sendWindow, presenceTtl, sockets, IdentitySettings.OPEN);
    }

    /**
     * Reads the variables, reporting every bad one to the reader. A bad value is replaced by a valid one so that
     * reading goes on; the reader's {@code throwIfInvalid()} then fails.
     */
    public static ChatConfig read(ConfigReader reader) {
        int port = reader.port("HTTP_PORT", 8080);
        int sendLimit = reader.integer("CHAT_SEND_LIMIT", 20, 1, MAX_SEND_LIMIT);
        Duration sendWindow = reader.duration("CHAT_SEND_WINDOW", Duration.ofSeconds(10), MIN_SEND_WINDOW);
        Duration presenceTtl = reader.duration("PRESENCE_TTL", Duration.ofSeconds(30), MIN_PRESENCE_TTL);
        int outboundQueue = reader.integer("CHAT_OUTBOUND_QUEUE", 256, 1, MAX_OUTBOUND_QUEUE);
        int maxRooms = reader.integer("CHAT_MAX_ROOMS", SocketLimits.DEFAULT_MAX_ROOMS, 1, MAX_ROOMS);
        Duration ping = reader.duration("CHAT_PING_INTERVAL", SocketLimits.DEFAULT_PING_INTERVAL,
                SocketLimits.MIN_PING_INTERVAL);
        Duration idle = reader.duration("CHAT_IDLE_TIMEOUT", SocketLimits.DEFAULT_IDLE_TIMEOUT,
                SocketLimits.MIN_PING_INTERVAL);
        if (idle.compareTo(ping) <= 0) {
            reader.reject("CHAT_IDLE_TIMEOUT", Durations.format(idle),
                    "must be longer than CHAT_PING_INTERVAL (" + Durations.format(ping) + ")");
            // a placeholder that satisfies the records until throwIfInvalid reports the error
            idle = ping.multipliedBy(3);
        }
        return new ChatConfig(port, sendLimit, sendWindow, presenceTtl,
                new SocketLimits(outboundQueue, maxRooms, ping, idle), identity(reader));
    }

    private static IdentitySettings identity(ConfigReader reader) {
        String secret = reader.secret("CHAT_TOKEN_SECRET").orElse(null);
        if (secret != null && secret.length() < IdentitySettings.MIN_SECRET_LENGTH) {
            reader.reject("CHAT_TOKEN_SECRET", "***", "must be at least " + IdentitySettings.MIN_SECRET_LENGTH
                    + " characters: a random secret, such as the output of openssl rand -base64 32");
            secret = null;
        }
        return new IdentitySettings(secret, reader.parsed("CHAT_ALLOWED_ORIGINS", List.of(),
                IdentitySettings::origins));
    }

    private static void atLeast(String name, Duration value, Duration min) {
        if (value == null || value.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + Durations.format(min) + ", but was "
                    + (value == null ? null : Durations.format(value)));
        }
    }
}
