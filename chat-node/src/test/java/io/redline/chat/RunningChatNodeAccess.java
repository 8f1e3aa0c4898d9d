package io.redline.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.redis.RedisSettings;
import java.time.Duration;
import java.util.Map;

/** A {@link RunningChatNode} and its test clients, for tests outside this package. */
public final class RunningChatNodeAccess implements AutoCloseable {

    private final RunningChatNode node;

    private RunningChatNodeAccess(RunningChatNode node) {
        this.node = node;
    }

    public static RunningChatNodeAccess start(RedisSettings redis, Map<String, String> variables) throws Exception {
        return new RunningChatNodeAccess(new RunningChatNode(redis, variables));
    }

    public String ws(String user, String name) {
        return node.ws(user, name);
    }

    public String url(String pathAndQuery) {
        return "ws://127.0.0.1:" + node.port() + pathAndQuery;
    }

    public String http(String path) {
        return node.http(path);
    }

    public void connect(String url) throws Exception {
        TestChatClient.connect(url).close();
    }

    public void connectFrom(String origin, String url) throws Exception {
        TestChatClient.connectFrom(origin, url).close();
    }

    /** Joins a room on a socket, sends one message, and returns the message as the room received it. */
    public JsonNode joinAndSend(String url, String room, String content) throws Exception {
        try (TestChatClient client = TestChatClient.connect(url)) {
            client.join(room);
            client.send(Map.of("type", "send", "room", room, "content", content));
            return client.next("message", Duration.ofSeconds(10)).get("message");
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
