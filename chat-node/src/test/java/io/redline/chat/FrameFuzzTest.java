package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.Awaits;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 hostile frames over 4 sockets (random bytes, random text, JSON nested thousands deep, huge strings,
 * frames past the size limit, wrong types, hostile room names, join/leave churn) while two other clients talk:
 * the node stays up, the talkers get every message once, and the heap does not grow with the garbage.
 */
class FrameFuzzTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final long SEED = 20261129L;
    private static final List<String> HOSTILE_ROOMS = List.of("{a}", "*", "a:b", "", " ", "x".repeat(65), "\u4e2d",
            "room\u0000", "../etc", "a}{b", "%00", "r?x=1");

    @Test
    void tenThousandHostileFramesLeaveTheNodeUpAndTheOtherClientsUnaffected() throws Exception {
        try (RunningChatNode node = new RunningChatNode(REDIS.settings(), Map.of("CHAT_SEND_LIMIT", "100000"));
             TestChatClient alice = TestChatClient.connect(node.ws("alice", "Alice"));
             TestChatClient bob = TestChatClient.connect(node.ws("bob", "Bob"))) {
            alice.join("calm");
            bob.join("calm");
            long heapBefore = usedHeapAfterGc();
            Random random = new Random(SEED);
            List<TestChatClient> fuzzers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fuzzers.add(TestChatClient.connect(node.ws("fuzz" + i, "Fuzz" + i)));
            }
            int said = 0;
            int reconnects = 0;
            for (int n = 0; n < 10_000; n++) {
                int which = n % fuzzers.size();
                if (!fuzzers.get(which).isOpen()) {
                    fuzzers.get(which).close();
                    fuzzers.set(which, TestChatClient.connect(node.ws("fuzz" + which, "Fuzz" + which)));
                    reconnects++;
                }
                fuzz(fuzzers.get(which), random);
                if (n % 100 == 0) {
                    alice.send(Map.of("type", "send", "room", "calm", "content", "line " + said++));
                }
            }
            int expected = said;
            try {
                Awaits.await(Duration.ofSeconds(20)).until(() -> calmLines(bob).size() == expected);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("bob got " + calmLines(bob).size() + " of " + expected + ", alice open "
                        + alice.isOpen() + " close " + alice.closeCode() + ", bob open " + bob.isOpen() + " close "
                        + bob.closeCode() + ", alice errors " + alice.hasFrame("error") + ", alice got "
                        + calmLines(alice).size(), e);
            }
            assertEquals(expected, new HashSet<>(calmLines(bob)).size(), "each once");
            assertEquals(200, HttpProbe.status(node.http("/rooms/calm/history")));
            try (TestChatClient late = TestChatClient.connect(node.ws("late", "Late"))) {
                assertEquals("calm", late.join("calm").get("room").asText(), "the node still takes new clients");
            }
            for (TestChatClient fuzzer : fuzzers) {
                fuzzer.close();
            }
            long grown = usedHeapAfterGc() - heapBefore;
            assertTrue(grown < 64L * 1024 * 1024, "heap grew by " + grown / 1024 / 1024 + " MiB; seed " + SEED
                    + ", reconnects " + reconnects);
        }
    }

    private static List<String> calmLines(TestChatClient client) {
        List<String> lines = new ArrayList<>();
        client.messages().stream().filter(m -> m.path("roomId").asText().equals("calm")
                && m.path("userId").asText().equals("alice")).forEach(m -> lines.add(m.path("content").asText()));
        return lines;
    }

    private static void fuzz(TestChatClient client, Random random) {
        switch (random.nextInt(9)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(2_000)];
                random.nextBytes(bytes);
                client.sendBinary(bytes);
            }
            case 1 -> client.sendRaw(randomText(random, 500));
            case 2 -> client.sendRaw("[".repeat(1 + random.nextInt(5_000)));
            case 3 -> client.sendRaw("{\"type\":\"join\",\"room\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)
                    + "}");
            case 4 -> client.sendRaw("{\"type\":\"send\",\"room\":\"fz\",\"content\":\""
                    + "x".repeat(random.nextInt(60_000)) + "\"}");
            case 5 -> client.sendRaw("x".repeat(70_000 + random.nextInt(10_000)));
            case 6 -> client.sendRaw(List.of("{\"type\":123}", "{\"type\":\"join\",\"room\":[\"x\"]}", "null", "[]",
                    "true", "{\"type\":\"send\",\"room\":\"fz\",\"content\":{}}", "{\"type\":\"leave\"}",
                    "{\"type\":\"join\",\"room\":\"fz\",\"since\":42}").get(random.nextInt(8)));
            case 7 -> {
                String room = HOSTILE_ROOMS.get(random.nextInt(HOSTILE_ROOMS.size()));
                client.send(Map.of("type", random.nextBoolean() ? "join" : "send", "room", room, "content", "hi"));
            }
            default -> {
                String room = "fz" + random.nextInt(15);
                String type = List.of("join", "leave", "send").get(random.nextInt(3));
                client.send(Map.of("type", type, "room", room, "content", randomText(random, 50)));
            }
        }
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2FFF) : 32 + random.nextInt(95));
        }
        return text.toString();
    }

    /** The heap in use once full collections stop freeing more (a collection may finish in the background). */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long[] used = {Long.MAX_VALUE};
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            System.gc();
            long now = runtime.totalMemory() - runtime.freeMemory();
            boolean settled = now >= used[0];
            used[0] = Math.min(used[0], now);
            return settled;
        });
        return used[0];
    }
}
