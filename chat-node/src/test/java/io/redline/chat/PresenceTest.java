package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who is online, on every node; the users of a node killed with kill -9 vanish without anyone cleaning up. */
class PresenceTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RunningChatNode observerNode;

    @BeforeAll
    static void startNode() throws Exception {
        observerNode = new RunningChatNode(REDIS.settings(), Map.of("PRESENCE_TTL", "3s"));
    }

    @AfterAll
    static void stopNode() {
        observerNode.close();
    }

    @Test
    void theUsersOfAKilledNodeVanishWithinTheirPresenceTtl() throws Exception {
        int http = FreePorts.find();
        int admin = FreePorts.find();
        try (ChildJvm doomed = ChildJvm.start(ChatMain.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "HTTP_PORT", String.valueOf(http), "ADMIN_PORT", String.valueOf(admin), "PRESENCE_TTL", "3s"));
             TestChatClient observer = TestChatClient.connect(observerNode.ws("observer", "Observer"))) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            TestChatClient ghost = TestChatClient.connect("ws://127.0.0.1:" + http + "/ws?user=ghost&name=Ghost");
            JsonNode ghostHistory = ghost.join("haunted");
            assertEquals(List.of("ghost"), userIds(ghostHistory.get("members")));

            JsonNode joined = observer.join("haunted");
            assertEquals(List.of("ghost", "observer"), userIds(joined.get("members")));
            assertEquals(2, observerNode.node().presence().activeSessions().toCompletableFuture().join());

            doomed.kill();
            long killed = System.nanoTime();
            Awaits.await().until(() -> userIds(observer.next("presence", Duration.ofSeconds(30)).get("members"))
                    .equals(List.of("observer")));
            Duration gone = Duration.ofNanos(System.nanoTime() - killed);
            assertTrue(gone.compareTo(Duration.ofSeconds(10)) < 0, "gone after " + gone + " with a 3 s TTL");
            assertEquals(1, observerNode.node().presence().activeSessions().toCompletableFuture().join());
        }
    }

    @Test
    void joinAndLeaveAreAnnouncedToTheRoom() throws Exception {
        try (TestChatClient first = TestChatClient.connect(observerNode.ws("first", "First"));
             TestChatClient second = TestChatClient.connect(observerNode.ws("second", "Second"))) {
            first.join("lounge");
            second.join("lounge");
            Awaits.await().until(() -> userIds(first.next("presence", Duration.ofSeconds(10)).get("members"))
                    .equals(List.of("first", "second")));
            second.leave("lounge");
            Awaits.await().until(() -> userIds(first.next("presence", Duration.ofSeconds(10)).get("members"))
                    .equals(List.of("first")));
        }
    }

    private static List<String> userIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(member -> ids.add(member.get("userId").asText()));
        ids.sort(String::compareTo);
        return ids;
    }
}
