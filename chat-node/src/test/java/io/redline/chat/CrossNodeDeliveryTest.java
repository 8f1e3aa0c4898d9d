package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two nodes with separate Redis clients act as one chat. */
class CrossNodeDeliveryTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RunningChatNode nodeA;
    private static RunningChatNode nodeB;

    @BeforeAll
    static void startNodes() throws Exception {
        nodeA = new RunningChatNode(REDIS.settings(), Map.of("CHAT_SEND_LIMIT", "1000"));
        nodeB = new RunningChatNode(REDIS.settings(), Map.of("CHAT_SEND_LIMIT", "1000"));
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aMessageReachesEveryClientOfTheRoomOnBothNodesOnceInSendOrder() throws Exception {
        CrossNode.assertDelivery(nodeA, nodeB, "lobby");
    }

    /** The scenario, shared with the cluster test. */
    static final class CrossNode {

        private CrossNode() {
        }

        static void assertDelivery(RunningChatNode a, RunningChatNode b, String room) throws Exception {
            List<TestChatClient> inRoom = new ArrayList<>();
            try (TestChatClient sender1 = TestChatClient.connect(a.ws("alice", "Alice"));
                 TestChatClient sender2 = TestChatClient.connect(b.ws("bob", "Bob"));
                 TestChatClient elsewhere = TestChatClient.connect(b.ws("carol", "Carol"))) {
                for (int i = 0; i < 4; i++) {
                    TestChatClient client = TestChatClient.connect((i % 2 == 0 ? a : b).ws("reader" + i, "R" + i));
                    client.join(room);
                    inRoom.add(client);
                }
                sender1.join(room);
                sender2.join(room);
                elsewhere.join(room + "-other");
                inRoom.add(sender1);
                inRoom.add(sender2);
                for (int i = 0; i < 30; i++) {
                    sender1.send(Map.of("type", "send", "room", room, "content", "a" + i));
                    sender2.send(Map.of("type", "send", "room", room, "content", "b" + i));
                }
                for (TestChatClient client : inRoom) {
                    Awaits.await().until(() -> client.messages().size() >= 60);
                }
                Awaits.await(Duration.ofMillis(500)).pollDelay(Duration.ofMillis(300)).until(() -> true);
                for (TestChatClient client : inRoom) {
                    List<String> contents = client.messages().stream().map(m -> m.get("content").asText())
                            .collect(Collectors.toList());
                    assertEquals(60, contents.size(), "exactly once: " + contents);
                    assertEquals(sequence("a"), contents.stream().filter(c -> c.startsWith("a"))
                            .collect(Collectors.toList()), "Alice's messages in her order");
                    assertEquals(sequence("b"), contents.stream().filter(c -> c.startsWith("b"))
                            .collect(Collectors.toList()), "Bob's messages in his order");
                }
                JsonNode first = inRoom.get(0).messages().stream().filter(m -> m.get("content").asText()
                        .equals("a0")).findFirst().orElseThrow();
                assertEquals("alice", first.get("userId").asText());
                assertEquals("Alice", first.get("userName").asText());
                assertEquals(room, first.get("roomId").asText());
                assertTrue(first.get("timestamp").asLong() > 0);
                assertEquals(0, elsewhere.messages().size(), "clients of other rooms get nothing");
            } finally {
                inRoom.forEach(TestChatClient::close);
            }
        }

        private static List<String> sequence(String prefix) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                expected.add(prefix + i);
            }
            return expected;
        }
    }
}
