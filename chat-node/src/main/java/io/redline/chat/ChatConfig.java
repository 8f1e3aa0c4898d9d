package io.redline.chat;

import io.redline.chat.session.SocketLimits;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Durations;
import java.time.Duration;

/**
 * The chat node's own variables.
 *
 * @param httpPort {@code HTTP_PORT}, default 8080
 * @param sendLimit {@code CHAT_SEND_LIMIT}: messages per user per window, default 20
 * @param sendWindow {@code CHAT_SEND_WINDOW}, default 10s
 * @param presenceTtl {@code PRESENCE_TTL}: how long a node's users stay present without its heartbeat, default 30s
 * @param sockets {@code CHAT_OUTBOUND_QUEUE} (default 256), {@code CHAT_MAX_ROOMS} (default 10),
 *                {@code CHAT_PING_INTERVAL} (default 20s) and {@code CHAT_IDLE_TIMEOUT} (default 60s)
 */
public record ChatConfig(int httpPort, int sendLimit, Duration sendWindow, Duration presenceTtl,
                         SocketLimits sockets) {

    public static ChatConfig read(ConfigReader reader) {
        int port = reader.port("HTTP_PORT", 8080);
        int sendLimit = reader.integer("CHAT_SEND_LIMIT", 20, 1, 100_000);
        Duration sendWindow = reader.duration("CHAT_SEND_WINDOW", Duration.ofSeconds(10), Duration.ofMillis(1));
        Duration presenceTtl = reader.duration("PRESENCE_TTL", Duration.ofSeconds(30), Duration.ofSeconds(1));
        int outboundQueue = reader.integer("CHAT_OUTBOUND_QUEUE", 256, 1, 1_000_000);
        int maxRooms = reader.integer("CHAT_MAX_ROOMS", SocketLimits.DEFAULT_MAX_ROOMS, 1, 1_000);
        Duration ping = reader.duration("CHAT_PING_INTERVAL", SocketLimits.DEFAULT_PING_INTERVAL,
                SocketLimits.MIN_PING_INTERVAL);
        Duration idle = reader.duration("CHAT_IDLE_TIMEOUT", SocketLimits.DEFAULT_IDLE_TIMEOUT,
                SocketLimits.MIN_PING_INTERVAL);
        if (idle.compareTo(ping) <= 0) {
            reader.reject("CHAT_IDLE_TIMEOUT", Durations.format(idle),
                    "must be longer than CHAT_PING_INTERVAL (" + Durations.format(ping) + ")");
            // a placeholder that satisfies the record until throwIfInvalid reports the error
            idle = ping.multipliedBy(3);
        }
        return new ChatConfig(port, sendLimit, sendWindow, presenceTtl,
                new SocketLimits(outboundQueue, maxRooms, ping, idle));
    }
}
