package io.redline.deploy.local.traffic;

import io.redline.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * One bot on one chat-node: joins its room over the WebSocket, says something every 4-8 s, and reconnects two
 * seconds after losing its node (a node restarted with {@code --restart}).
 */
public final class ChatBot implements Session.Listener.AutoDemanding {

    private static final List<String> LINES = List.of(
            "anyone tried the ergonomic keyboard?", "the 27-inch monitor is back in stock",
            "shipping was quick this time", "is the USB hub worth it?", "trackball converts, say hi",
            "price drop on cables today", "my order just shipped", "which mouse pad do you use?");

    private final WebSocketClient client;
    private final ScheduledExecutorService scheduler;
    private final URI uri;
    private final String room;
    private volatile Session session;
    private volatile boolean stopped;

    ChatBot(WebSocketClient client, ScheduledExecutorService scheduler, int port, String userId, String name,
            String room) {
        this.client = client;
        this.scheduler = scheduler;
        this.uri = URI.create("ws://127.0.0.1:" + port + "/ws?user=" + userId + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        this.room = room;
    }

    void connect() {
        if (stopped) {
            return;
        }
        try {
            client.connect(this, uri).whenComplete((opened, error) -> {
                if (error != null) {
                    reconnectLater();
                }
            });
        } catch (IOException e) {
            reconnectLater();
        }
    }

    void stop() {
        stopped = true;
        Session current = session;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        send(Map.of("type", "join", "room", room));
        sayLater();
    }

    @Override
    public void onWebSocketText(String message) {
        // bots talk; they do not listen
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        session = null;
        callback.succeed();
        reconnectLater();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // onWebSocketClose follows, and reconnects
    }

    private void sayLater() {
        schedule(() -> {
            Session current = session;
            if (current == null || !current.isOpen()) {
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            send(Map.of("type", "send", "room", room, "content", LINES.get(random.nextInt(LINES.size()))));
            sayLater();
        }, ThreadLocalRandom.current().nextLong(4000, 8001));
    }

    private void reconnectLater() {
        schedule(this::connect, 2000);
    }

    private void send(Map<String, String> frame) {
        Session current = session;
        if (current != null) {
            current.sendText(Json.write(frame), Callback.NOOP);
        }
    }

    private void schedule(Runnable task, long delayMillis) {
        if (stopped || scheduler.isShutdown()) {
            return;
        }
        scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }
}
