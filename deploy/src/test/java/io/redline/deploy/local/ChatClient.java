package io.redline.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A WebSocket client of a chat-node that keeps every frame. */
public final class ChatClient implements Session.Listener.AutoDemanding, AutoCloseable {

    private final WebSocketClient client = new WebSocketClient();
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private volatile Session session;

    public static ChatClient connect(int port, String user) throws Exception {
        ChatClient chat = new ChatClient();
        chat.client.start();
        chat.client.connect(chat, URI.create("ws://127.0.0.1:" + port + "/ws?user=" + user + "&name=" + user))
                .get(10, TimeUnit.SECONDS);
        return chat;
    }

    public void join(String room) {
        session.sendText(Json.write(Map.of("type", "join", "room", room)), Callback.NOOP);
    }

    public boolean joined(String room) {
        return frames.stream().anyMatch(frame -> frame.get("type").asText().equals("history")
                && frame.get("room").asText().equals(room));
    }

    public boolean received(String content) {
        return frames.stream().anyMatch(frame -> frame.get("type").asText().equals("message")
                && frame.get("message").get("content").asText().equals(content));
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
    }

    @Override
    public void onWebSocketText(String text) {
        try {
            frames.add(Json.mapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
