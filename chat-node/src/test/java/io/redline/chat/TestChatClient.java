package io.redline.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A real WebSocket client of a chat node that keeps every frame it receives. */
public final class TestChatClient implements Session.Listener.AutoDemanding, AutoCloseable {

    private static final WebSocketClient CLIENT = start();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final boolean answersPings;
    private volatile Session session;
    private volatile int closeCode = -1;
    private volatile String closeReason;

    private TestChatClient(boolean answersPings) {
        this.answersPings = answersPings;
    }

    private static WebSocketClient start() {
        WebSocketClient client = new WebSocketClient();
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return client;
    }

    static TestChatClient connect(String url) throws Exception {
        return connect(url, true);
    }

    /** A client that does not answer pings, as one whose network has gone away. */
    static TestChatClient connectDeaf(String url) throws Exception {
        return connect(url, false);
    }

    /** A client whose upgrade request carries {@code Origin}, as a browser page's does. */
    static TestChatClient connectFrom(String origin, String url) throws Exception {
        TestChatClient client = new TestChatClient(true);
        ClientUpgradeRequest request = new ClientUpgradeRequest(URI.create(url));
        request.setHeader("Origin", origin);
        CLIENT.connect(client, request).get(10, TimeUnit.SECONDS);
        return client;
    }

    private static TestChatClient connect(String url, boolean answersPings) throws Exception {
        TestChatClient client = new TestChatClient(answersPings);
        CLIENT.connect(client, URI.create(url)).get(10, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
    }

    @Override
    public void onWebSocketText(String text) {
        try {
            JsonNode frame = Json.mapper().readTree(text);
            if ("message".equals(frame.get("type").asText())) {
                messages.add(frame.get("message"));
            }
            frames.add(frame);
        } catch (IOException e) {
            throw new IllegalStateException("the server sent something that is not JSON: " + text, e);
        }
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        pings.incrementAndGet();
        // a listener that takes pings answers them itself, as a browser does on its own
        if (answersPings) {
            session.sendPong(payload, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closeReason = reason;
        closeCode = statusCode;
        callback.succeed();
    }

    void send(Map<String, Object> frame) {
        sendRaw(Json.write(frame));
    }

    void sendRaw(String text) {
        session.sendText(text, Callback.NOOP);
    }

    void sendBinary(byte[] bytes) {
        session.sendBinary(java.nio.ByteBuffer.wrap(bytes), Callback.NOOP);
    }

    /** Joins and returns the history frame. */
    JsonNode join(String room) throws InterruptedException {
        send(Map.of("type", "join", "room", room));
        return next("history", Duration.ofSeconds(10));
    }

    /** The next frame of a type (frames of other types before it are skipped). */
    JsonNode next(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no " + type + " frame within " + timeout);
            }
            if (type.equals(frame.get("type").asText())) {
                return frame;
            }
        }
    }

    /** Whether a frame of a type has been received and not yet taken by {@link #next}. */
    boolean hasFrame(String type) {
        return frames.stream().anyMatch(frame -> type.equals(frame.get("type").asText()));
    }

    /** Every message frame's message received so far, in order. */
    List<JsonNode> messages() {
        return new ArrayList<>(messages);
    }

    boolean isOpen() {
        return session != null && session.isOpen();
    }

    int closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    int pings() {
        return pings.get();
    }

    /** Sends one text message in fragments of {@code fragment} characters. */
    void sendFragmented(String text, int fragment) throws Exception {
        for (int start = 0; start < text.length(); start += fragment) {
            int end = Math.min(text.length(), start + fragment);
            CompletableFuture<Void> sent = new CompletableFuture<>();
            session.sendPartialText(text.substring(start, end), end == text.length(),
                    Callback.from(() -> sent.complete(null), sent::completeExceptionally));
            sent.get(10, TimeUnit.SECONDS);
        }
    }

    void leave(String room) {
        send(Map.of("type", "leave", "room", room));
    }

    @Override
    public void close() {
        if (session != null && session.isOpen()) {
            session.close();
        }
    }
}
