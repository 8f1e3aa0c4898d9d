package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One Redis subscription per room per node, however many local clients come and go. */
class RoomSubscriptionTest {

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
    void aHundredClientsShareOneSubscriptionThatEndsWithTheLastOfThem() throws Exception {
        String channel = new RedlineKeys(KeyNamespace.NONE).chatRoomChannel("busy");
        assertEquals(0L, numsub(channel));
        List<TestChatClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                TestChatClient client = TestChatClient.connect(node.ws("u" + i, "U" + i));
                client.join("busy");
                clients.add(client);
                assertEquals(1L, numsub(channel), "after " + (i + 1) + " joined");
            }
            for (int i = 0; i < 99; i++) {
                TestChatClient client = clients.get(i);
                if (i % 2 == 0) {
                    client.leave("busy");
                } else {
                    client.close();
                }
            }
            Awaits.await().until(() -> node.node().rooms().members("busy").size() == 1);
            assertEquals(1L, numsub(channel), "one client is still in the room");

            TestChatClient last = clients.get(99);
            last.send(Map.of("type", "send", "room", "busy", "content", "still here"));
            Awaits.await().until(() -> last.messages().size() == 1);
            assertEquals("still here", last.messages().get(0).get("content").asText(),
                    "others leaving did not cut off the one who stayed");

            last.close();
            Awaits.await().until(() -> numsub(channel) == 0L);
            assertEquals(0, node.node().rooms().subscribedRooms());
        } finally {
            clients.forEach(TestChatClient::close);
        }
    }

    private static long numsub(String channel) throws Exception {
        URI uri = URI.create(REDIS.redis().url());
        try (RawRedis raw = new RawRedis(uri.getHost(), uri.getPort())) {
            List<?> reply = (List<?>) raw.call("PUBSUB", "NUMSUB", channel);
            return (Long) reply.get(1);
        }
    }
}
