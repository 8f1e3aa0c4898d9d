package io.redline.chat.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.chat.session.SocketLimits;
import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChatConfigTest {

    private static final SocketLimits SOCKETS = SocketLimits.withOutboundQueue(256);

    /** Was: the record took any value; only {@code read} checked, so a config built in code (the bench) was not. */
    @Test
    void aConfigBuiltInCodeWithABadValueIsRefusedEchoingTheValue() {
        assertEquals("httpPort must be from 1 to 65535, but was 0",
                refusal(() -> new ChatConfig(0, 20, Duration.ofSeconds(10), Duration.ofSeconds(30), SOCKETS)));
        assertEquals("sendLimit must be > 0, but was -3",
                refusal(() -> new ChatConfig(8080, -3, Duration.ofSeconds(10), Duration.ofSeconds(30), SOCKETS)));
        assertEquals("sendWindow must be at least 1ms, but was 0ms",
                refusal(() -> new ChatConfig(8080, 20, Duration.ZERO, Duration.ofSeconds(30), SOCKETS)));
        assertEquals("presenceTtl must be at least 1s, but was 500ms",
                refusal(() -> new ChatConfig(8080, 20, Duration.ofSeconds(10), Duration.ofMillis(500), SOCKETS)));
        assertEquals("presenceTtl must be at least 1s, but was null",
                refusal(() -> new ChatConfig(8080, 20, Duration.ofSeconds(10), null, SOCKETS)));
        assertEquals("sockets must be set (SocketLimits validates itself), but was null",
                refusal(() -> new ChatConfig(8080, 20, Duration.ofSeconds(10), Duration.ofSeconds(30), null)));
    }

    @Test
    void readReportsEveryBadVariableAtOnce() {
        ConfigReader reader = new ConfigReader(Env.of(Map.of("HTTP_PORT", "70000", "CHAT_SEND_LIMIT", "0",
                "CHAT_SEND_WINDOW", "soon", "PRESENCE_TTL", "500ms", "CHAT_OUTBOUND_QUEUE", "-1")));
        ChatConfig.read(reader);
        ConfigException error = assertThrows(ConfigException.class, reader::throwIfInvalid);
        assertEquals(List.of("HTTP_PORT", "CHAT_SEND_LIMIT", "CHAT_SEND_WINDOW", "PRESENCE_TTL",
                "CHAT_OUTBOUND_QUEUE"), error.errors().stream().map(e -> e.line().split("=", 2)[0])
                .collect(Collectors.toList()));
        assertEquals("PRESENCE_TTL=\"500ms\" is invalid: must be at least 1s", error.errors().get(3).line());
    }

    @Test
    void theDefaultsMakeAValidConfig() {
        ConfigReader reader = new ConfigReader(Env.of(Map.of()));
        ChatConfig config = ChatConfig.read(reader);
        reader.throwIfInvalid();
        assertEquals(new ChatConfig(8080, 20, Duration.ofSeconds(10), Duration.ofSeconds(30),
                new SocketLimits(256, 10, Duration.ofSeconds(20), Duration.ofSeconds(60))), config);
    }

    private static String refusal(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }
}
