package io.redline.deploy.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.deploy.local.ChatClient;
import io.redline.testkit.Awaits;
import io.redline.testkit.HttpProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Chat through a failover: one sender per node sends into one room, a message at a time, and notes what it was
 * told (its own message echoed: accepted; an error frame: refused; nothing within 10 s: unanswered), while
 * receivers on every node listen. Afterwards every accepted message must have reached every receiver exactly once,
 * live or through the catch-up from history that follows a re-subscription.
 */
final class FailoverChat implements AutoCloseable {

    enum Outcome { ACCEPTED, REFUSED, UNANSWERED }

    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final String CATCH_UP_MESSAGES = "redline_chat_catchup_messages_total ";

    private final String room;
    private final JsonNode platform;
    private long catchUpsBefore;
    private final List<ChatClient> senders = new ArrayList<>();
    private final List<ChatClient> receivers = new ArrayList<>();
    private final Map<String, Outcome> sent = new ConcurrentHashMap<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final List<CompletableFuture<Void>> loops = new ArrayList<>();

    private FailoverChat(String room, JsonNode platform) {
        this.room = room;
        this.platform = platform;
    }

    /** A sender and two receivers on each chat node of the platform, all in {@code room}, sending. */
    static FailoverChat start(String room, JsonNode platform, List<Integer> nodePorts) throws Exception {
        FailoverChat chat = new FailoverChat(room, platform);
        for (int port : nodePorts) {
            chat.senders.add(ChatClient.connect(port, room + "-sender-" + port));
            chat.receivers.add(ChatClient.connect(port, room + "-a-" + port));
            chat.receivers.add(ChatClient.connect(port, room + "-b-" + port));
        }
        chat.senders.forEach(client -> client.join(room));
        chat.receivers.forEach(client -> client.join(room));
        Awaits.await(Duration.ofSeconds(60)).until(() -> chat.senders.stream().allMatch(c -> c.joined(room))
                && chat.receivers.stream().allMatch(c -> c.joined(room)));
        chat.catchUpsBefore = catchUpMessages(platform);
        chat.startSending();
        return chat;
    }

    /** Starts every sender's loop: a message, its answer, the next message. */
    private void startSending() {
        sending.set(true);
        for (int i = 0; i < senders.size(); i++) {
            ChatClient sender = senders.get(i);
            String prefix = room + "/" + i + "/";
            loops.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; sending.get(); n++) {
                    String content = prefix + n;
                    sent.put(content, send(sender, content));
                }
            }));
        }
    }

    void stopSending() throws Exception {
        sending.set(false);
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private Outcome send(ChatClient sender, String content) {
        int errors = sender.errors().size();
        try {
            sender.send(room, content);
            Awaits.await(ANSWER).until(() -> sender.received(content) || sender.errors().size() > errors);
            return sender.received(content) ? Outcome.ACCEPTED : Outcome.REFUSED;
        } catch (ConditionTimeoutException e) {
            return Outcome.UNANSWERED;
        } catch (Exception e) {
            // the frame could not even be written: the sender knows it was not sent
            return Outcome.REFUSED;
        }
    }

    long count(Outcome outcome) {
        return sent.values().stream().filter(outcome::equals).count();
    }

    /** Accepted messages some receiver did not get exactly once (at most 20); empty when none. */
    List<String> acceptedNotReceivedOnce() {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < receivers.size(); i++) {
            Map<String, Long> times = new HashMap<>();
            receivers.get(i).receivedContents().forEach(content -> times.merge(content, 1L, Long::sum));
            for (Map.Entry<String, Outcome> message : sent.entrySet()) {
                long got = times.getOrDefault(message.getKey(), 0L);
                if (message.getValue() == Outcome.ACCEPTED && got != 1 && found.size() < 20) {
                    found.add("receiver " + i + " got " + message.getKey() + " " + got + " times");
                }
            }
        }
        return found;
    }

    /** Messages that catch-ups from history sent to clients since the start, summed over the chat nodes. */
    long recoveredFromHistory() throws IOException, InterruptedException {
        return catchUpMessages(platform) - catchUpsBefore;
    }

    private static long catchUpMessages(JsonNode platform) throws IOException, InterruptedException {
        long total = 0;
        for (JsonNode process : platform.get("processes")) {
            if (!process.get("name").asText().startsWith("chat-node-")) {
                continue;
            }
            String metrics = HttpProbe.get("http://127.0.0.1:" + process.get("adminPort").asInt() + "/metrics")
                    .body();
            total += metrics.lines().filter(line -> line.startsWith(CATCH_UP_MESSAGES))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(CATCH_UP_MESSAGES.length())))
                    .sum();
        }
        return total;
    }

    /** What happened, for the figures: sent, and each outcome. */
    String outcomes() {
        return sent.size() + " sent: " + count(Outcome.ACCEPTED) + " accepted, " + count(Outcome.REFUSED)
                + " refused with an error frame, " + count(Outcome.UNANSWERED) + " unanswered";
    }

    @Override
    public void close() throws Exception {
        sending.set(false);
        for (ChatClient client : senders) {
            client.close();
        }
        for (ChatClient client : receivers) {
            client.close();
        }
    }
}
