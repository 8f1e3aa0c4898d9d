package io.redline.chat.bench;

import io.redline.core.bench.Latencies;
import io.redline.core.json.Json;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A benchmark client: joins the room, and for every message received records the time since it was sent (the
 * sender wrote its {@code System.nanoTime()} into the content; all clients live in one JVM).
 */
public final class BenchClient implements Session.Listener.AutoDemanding {

    private static final String MARK = "\"content\":\"t";

    private final Latencies latencies;
    private final CountDownLatch joined = new CountDownLatch(1);
    private final AtomicLong received = new AtomicLong();
    private volatile Session session;

    BenchClient(Latencies latencies) {
        this.latencies = latencies;
    }

    static BenchClient connect(WebSocketClient client, String url, String room, Latencies latencies)
            throws Exception {
        BenchClient bench = new BenchClient(latencies);
        client.connect(bench, URI.create(url)).get(10, TimeUnit.SECONDS);
        bench.session.sendText(Json.write(Map.of("type", "join", "room", room)), Callback.NOOP);
        if (!bench.joined.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no history frame within 10 s from " + url);
        }
        return bench;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
    }

    @Override
    public void onWebSocketText(String text) {
        long now = System.nanoTime();
        int at = text.indexOf(MARK);
        if (text.startsWith("{\"type\":\"message\"") && at > 0) {
            int start = at + MARK.length();
            long sent = Long.parseLong(text, start, text.indexOf('"', start), 10);
            latencies.record(now - sent);
            received.incrementAndGet();
        } else if (text.startsWith("{\"type\":\"history\"")) {
            joined.countDown();
        }
    }

    void send(String room) {
        session.sendText("{\"type\":\"send\",\"room\":\"" + room + "\",\"content\":\"t" + System.nanoTime() + "\"}",
                Callback.NOOP);
    }

    long received() {
        return received.get();
    }

    void close() {
        session.close();
    }
}
