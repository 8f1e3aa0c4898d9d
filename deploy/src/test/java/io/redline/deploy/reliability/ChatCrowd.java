package io.redline.deploy.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.redline.testkit.Awaits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Many chat connections from one {@link WebSocketClient} (one client, its threads and buffers shared, as a load
 * generator must: a client per connection, as {@code ChatClient} is, would cost the test more than the nodes),
 * dealt round the nodes and the rooms. Each socket keeps only counts: whether it joined, and which of the
 * crowd's messages it received how often.
 */
public final class ChatCrowd implements AutoCloseable {

    /**
     * Sockets connect and join in steps of this many, each step once the last has joined. Regression: a thousand
     * joins on a node in the same instant exhausted its Redis connections (each join reads the room's history and
     * presence, each read on a pooled connection of its own); the reads now share pipelines, and the crowd
     * joins all at once.
     */
    static final int STEP = 2_000;

    private final HttpClient http = new HttpClient();
    private final WebSocketClient client = new WebSocketClient(http);
    private final String prefix;
    private final int rooms;
    private final List<Socket> sockets = new ArrayList<>();

    private ChatCrowd(String prefix, int rooms) {
        this.prefix = prefix;
        this.rooms = rooms;
    }

    /**
     * {@code count} sockets, socket {@code i} on node {@code i % nodes} and in room {@code i % rooms}, each joined
     * to its room (its history frame received) when this returns.
     */
    static ChatCrowd open(String prefix, int count, int rooms, List<Integer> nodePorts) throws Exception {
        ChatCrowd crowd = new ChatCrowd(prefix, rooms);
        // every upgrade is a connection of its own: no pool limit below the crowd's size
        crowd.http.setMaxConnectionsPerDestination(count);
        crowd.http.setMaxRequestsQueuedPerDestination(count);
        crowd.client.start();
        try {
            crowd.openAndJoin(count, nodePorts);
        } catch (Exception | AssertionError e) {
            crowd.close();
            throw e;
        }
        return crowd;
    }

    private void openAndJoin(int count, List<Integer> nodePorts) throws Exception {
        for (int from = 0; from < count; from += STEP) {
            List<Socket> step = new ArrayList<>();
            List<CompletableFuture<Session>> opening = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + STEP); i++) {
                Socket socket = new Socket(room(i % rooms));
                step.add(socket);
                String user = prefix + "-user-" + i;
                opening.add(client.connect(socket, URI.create("ws://127.0.0.1:"
                        + nodePorts.get(i % nodePorts.size()) + "/ws?user=" + user + "&name=" + user)));
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            step.forEach(Socket::join);
            Awaits.await(Duration.ofSeconds(60)).until(() -> step.stream().allMatch(socket -> socket.joined));
            sockets.addAll(step);
        }
    }

    int joined() {
        return (int) sockets.stream().filter(socket -> socket.joined).count();
    }

    int open() {
        return (int) sockets.stream().filter(socket -> socket.session != null && socket.session.isOpen()).count();
    }

    /** One message into each room, sent by the room's first socket: every socket of the crowd should get one. */
    void sendOneIntoEachRoom(String content) throws Exception {
        for (int room = 0; room < rooms; room++) {
            Callback.Completable written = new Callback.Completable();
            sockets.get(room).session.sendText(Json.write(Map.of("type", "send", "room", room(room),
                    "content", prefix + "/" + content + "/" + room)), written);
            written.get(10, TimeUnit.SECONDS);
        }
    }

    /** How many sockets received exactly one message of the crowd's with {@code content}, from their own room. */
    int receivedOnce(String content) {
        return (int) sockets.stream().filter(socket -> socket.times(prefix + "/" + content + "/"
                + socket.room.substring(socket.room.lastIndexOf('-') + 1)) == 1).count();
    }

    /** Messages received that were not of the socket's own room, or more than once: must stay 0. */
    int strays() {
        return sockets.stream().mapToInt(socket -> socket.strays.get()).sum();
    }

    private String room(int index) {
        return prefix + "-room-" + index;
    }

    @Override
    public void close() throws Exception {
        client.stop();
        http.stop();
    }

    /**
     * One connection: joins its room once open, counts the message frames it gets. Public, as Jetty calls a
     * listener's methods only on a public class.
     */
    public static final class Socket implements Session.Listener.AutoDemanding {

        private final String room;
        private final Map<String, AtomicInteger> received = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger strays = new AtomicInteger();
        private volatile Session session;
        private volatile boolean joined;

        private Socket(String room) {
            this.room = room;
        }

        void join() {
            session.sendText(Json.write(Map.of("type", "join", "room", room)), Callback.NOOP);
        }

        int times(String content) {
            AtomicInteger count = received.get(content);
            return count == null ? 0 : count.get();
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
        }

        @Override
        public void onWebSocketText(String text) {
            JsonNode frame;
            try {
                frame = Json.mapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String type = frame.get("type").asText();
            if (type.equals("history") && frame.get("room").asText().equals(room)) {
                joined = true;
            } else if (type.equals("message")) {
                String content = frame.get("message").get("content").asText();
                if (!frame.get("message").path("roomId").asText(room).equals(room)
                        || received.computeIfAbsent(content, c -> new AtomicInteger()).incrementAndGet() > 1) {
                    strays.incrementAndGet();
                }
            }
        }
    }
}
