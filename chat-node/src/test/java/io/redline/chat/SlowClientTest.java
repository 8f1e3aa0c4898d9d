package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.chat.metrics.ChatMetrics;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client that stops reading is closed; it never slows the others down. */
class SlowClientTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RunningChatNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = new RunningChatNode(REDIS.settings(), Map.of("CHAT_SEND_LIMIT", "100000", "CHAT_OUTBOUND_QUEUE",
                "32"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aClientThatStopsReadingIsClosedAndTheOthersGetEverything() throws Exception {
        int port = Integer.parseInt(node.http("").replaceAll(".*:(\\d+)$", "$1"));
        try (Socket stalled = new Socket("127.0.0.1", port);
             TestChatClient sender = TestChatClient.connect(node.ws("sender", "Sender"));
             TestChatClient reader = TestChatClient.connect(node.ws("reader", "Reader"))) {
            stalled.setReceiveBufferSize(4096);
            joinWithoutReading(stalled);
            reader.join("flood");
            sender.join("flood");
            Awaits.await().until(() -> node.node().rooms().members("flood").size() == 3);
            String big = "x".repeat(2000);
            for (int i = 0; i < 3000; i++) {
                sender.send(Map.of("type", "send", "room", "flood", "content", big));
            }
            Awaits.await().until(() -> reader.messages().size() == 3000 && sender.messages().size() == 3000);
            Awaits.await().until(() -> node.node().rooms().members("flood").size() == 2);
            assertTrue(reader.isOpen() && sender.isOpen());
            assertEquals(1.0, node.metric(ChatMetrics.SLOW_CLIENTS_DROPPED));
        }
    }

    /** The WebSocket handshake and a join by hand, then nothing is ever read. */
    private static void joinWithoutReading(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET /ws?user=stalled&name=Stalled HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        byte[] join = "{\"type\":\"join\",\"room\":\"flood\"}".getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[6 + join.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | join.length);
        // mask key 0: the payload goes as it is
        System.arraycopy(join, 0, frame, 6, join.length);
        out.write(frame);
        out.flush();
    }
}
