package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.chat.node.ChatNode;
import io.redline.testkit.Awaits;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, item 9: the 16 KiB limit of a POST body held only for a body that announced its length; a chunked one
 * was read whole into memory (and one that never ended, forever). WebSocket messages have their own bound.
 * Item 11: a POST must be {@code application/json}, so that a form of another site cannot post.
 */
class BodyLimitTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RunningChatNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = new RunningChatNode(REDIS.settings(), Map.of());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aChunkedBodyPastTheLimitGets413AndACloseWithoutBeingReadToItsEnd() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", node.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /rooms/r/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 3; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            // the body never ends: the answer may only come from reading up to the limit
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            assertTrue(response.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\n{\"error\":\"body_too_large\",\"message\":\"the body must be at"
                    + " most 16384 bytes, but was more\"}"), response);
            assertEquals(-1, socket.getInputStream().read(), "the connection is closed after the 413");
        }
    }

    @Test
    void aBodyAnnouncedPastTheLimitGets413BeforeItIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", node.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /rooms/r/messages HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            assertTrue(response.endsWith("{\"error\":\"body_too_large\",\"message\":\"the body must be at most"
                    + " 16384 bytes, but was 20000 bytes\"}"), response);
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String start = "{\"userId\":\"exact\",\"userName\":\"Exact\",\"content\":\"fits\"";
        String body = start + " ".repeat(16 * 1024 - start.length() - 1) + "}";
        assertEquals(16 * 1024, body.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(201, post("application/json", body).statusCode());
    }

    @Test
    void aPostThatIsNotApplicationJsonGets415() {
        String body = "{\"userId\":\"form\",\"userName\":\"Form\",\"content\":\"from another site\"}";
        HttpResponse<String> plain = post("text/plain", body);
        assertEquals(415, plain.statusCode());
        assertEquals("{\"error\":\"unsupported_media_type\",\"message\":\"the body must be application/json, but"
                + " was \\\"text/plain\\\"\"}", plain.body());
        assertEquals(415, post("application/x-www-form-urlencoded", body).statusCode());
        HttpResponse<String> none = post(null, body);
        assertEquals(415, none.statusCode());
        assertEquals("{\"error\":\"unsupported_media_type\",\"message\":\"the body must be application/json, but"
                + " was of no Content-Type\"}", none.body());
        assertEquals(201, post("application/json; charset=utf-8", body).statusCode());
        assertEquals(201, post("Application/JSON", body).statusCode());
    }

    @Test
    void aWebSocketMessagePastTheLimitClosesTheSocketWith1009() throws Exception {
        try (TestChatClient client = TestChatClient.connect(node.ws("big", "Big"))) {
            client.join("big");
            String huge = "{\"type\":\"send\",\"room\":\"big\",\"content\":\"" + "y".repeat(ChatNode.MAX_MESSAGE)
                    + "\"}";
            try {
                client.sendFragmented(huge, 8 * 1024);
            } catch (Exception e) {
                // the server may close before the last fragment is written
            }
            Awaits.await().until(() -> client.closeCode() != -1);
            assertEquals(1009, client.closeCode(), client.closeReason());
        }
    }

    private static HttpResponse<String> post(String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.http("/rooms/limits/messages")))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpProbe.send(request.build());
    }

    /** Status line, headers and the body (as long as its Content-Length says). */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before a whole response: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(line -> line.toLowerCase(Locale.ROOT)
                .startsWith("content-length:")).map(line -> Integer.parseInt(line.substring(15).strip()))
                .findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
