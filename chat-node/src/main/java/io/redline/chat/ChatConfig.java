package io.redline.chat;

import io.redline.core.config.ConfigReader;
import java.time.Duration;

/**
 * The chat node's own variables.
 *
 * @param httpPort {@code HTTP_PORT}, default 8080
 * @param sendLimit {@code CHAT_SEND_LIMIT}: messages per user per window, default 20
 * @param sendWindow {@code CHAT_SEND_WINDOW}, default 10s
 * @param presenceTtl {@code PRESENCE_TTL}: how long a node's users stay present without its heartbeat, default 30s
 * @param outboundQueue {@code CHAT_OUTBOUND_QUEUE}: frames that may wait for a slow client, default 256
 */
public record ChatConfig(int httpPort, int sendLimit, Duration sendWindow, Duration presenceTtl, int outboundQueue) {

    public static ChatConfig read(ConfigReader reader) {
        return new ChatConfig(
                reader.port("HTTP_PORT", 8080),
                reader.integer("CHAT_SEND_LIMIT", 20, 1, 100_000),
                reader.duration("CHAT_SEND_WINDOW", Duration.ofSeconds(10), Duration.ofMillis(1)),
                reader.duration("PRESENCE_TTL", Duration.ofSeconds(30), Duration.ofSeconds(1)),
                reader.integer("CHAT_OUTBOUND_QUEUE", 256, 1, 1_000_000));
    }
}
