package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clients join while 1000 messages are being sent: each sees every message from its start exactly once. */
class JoinWhileSendingTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final int MESSAGES = 1_000;
    private static RunningChatNode nodeA;
    private static RunningChatNode nodeB;

    @BeforeAll
    static void startNodes() throws Exception {
        nodeA = new RunningChatNode(REDIS.settings(), Map.of("CHAT_SEND_LIMIT", "100000"));
        nodeB = new RunningChatNode(REDIS.settings(), Map.of("CHAT_SEND_LIMIT", "100000"));
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void joinersSeeHistoryThenLiveWithNoGapAndNoDuplicate() throws Exception {
        List<Joiner> joiners = new CopyOnWriteArrayList<>();
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(2);
        try (TestChatClient sender = TestChatClient.connect(nodeA.ws("sender", "Sender"))) {
            sender.join("hammer");
            AtomicInteger sent = new AtomicInteger();
            pace.scheduleAtFixedRate(() -> {
                for (int i = 0; i < 10 && sent.get() < MESSAGES; i++) {
                    sender.send(Map.of("type", "send", "room", "hammer", "content",
                            String.valueOf(sent.incrementAndGet())));
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            pace.scheduleAtFixedRate(() -> {
                if (sent.get() < MESSAGES && joiners.size() < 30) {
                    joiners.add(new Joiner(joiners.size() % 2 == 0 ? nodeA : nodeB, joiners.size()));
                }
            }, 5, 30, TimeUnit.MILLISECONDS);
            Awaits.await().until(() -> sent.get() == MESSAGES);
            pace.shutdown();
            pace.awaitTermination(10, TimeUnit.SECONDS);
            assertTrue(joiners.size() >= 10, "only " + joiners.size() + " clients joined while sending");
            for (Joiner joiner : joiners) {
                Awaits.await().until(() -> joiner.last() == MESSAGES);
                joiner.assertContiguous();
            }
        } finally {
            pace.shutdownNow();
            joiners.forEach(joiner -> joiner.client.close());
        }
    }

    /** A client that joins on its own thread and records the numbers it sees, history first. */
    private static final class Joiner {

        private final TestChatClient client;
        private final List<Integer> seen = new CopyOnWriteArrayList<>();
        private final int index;

        Joiner(RunningChatNode node, int index) {
            this.index = index;
            try {
                client = TestChatClient.connect(node.ws("joiner" + index, "J" + index));
                JsonNode history = client.join("hammer");
                history.get("messages").forEach(m -> seen.add(m.get("content").asInt()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        int last() {
            List<Integer> numbers = numbers();
            return numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
        }

        List<Integer> numbers() {
            List<Integer> numbers = new ArrayList<>(seen);
            client.messages().forEach(m -> numbers.add(m.get("content").asInt()));
            return numbers;
        }

        void assertContiguous() {
            List<Integer> numbers = numbers();
            for (int i = 1; i < numbers.size(); i++) {
                assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "joiner " + index + " saw " + numbers);
            }
        }
    }
}
