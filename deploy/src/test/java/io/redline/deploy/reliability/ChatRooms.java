package io.redline.deploy.reliability;

import io.redline.deploy.local.ChatClient;
import io.redline.testkit.Awaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chat clients spread over the nodes, each in two of the rooms, each sending into both: afterwards every client
 * must have received every message of its rooms exactly once, whichever node it and the sender were on.
 */
final class ChatRooms implements AutoCloseable {

    private final String prefix;
    private final int rooms;
    private final List<ChatClient> clients = new ArrayList<>();
    private final List<List<String>> roomsOf = new ArrayList<>();
    private final Map<String, Set<String>> sentTo = new HashMap<>();
    private final Map<Integer, Integer> refusalsExpected = new HashMap<>();

    private ChatRooms(String prefix, int rooms) {
        this.prefix = prefix;
        this.rooms = rooms;
    }

    /** {@code count} clients, dealt round the nodes' ports, each joined to two neighbouring rooms. */
    static ChatRooms open(String prefix, int count, int rooms, List<Integer> nodePorts) throws Exception {
        ChatRooms chat = new ChatRooms(prefix, rooms);
        for (int i = 0; i < count; i++) {
            ChatClient client = ChatClient.connect(nodePorts.get(i % nodePorts.size()), prefix + "-user-" + i);
            chat.clients.add(client);
            List<String> mine = List.of(chat.room(i % rooms), chat.room((i + 1) % rooms));
            chat.roomsOf.add(mine);
            mine.forEach(client::join);
        }
        Awaits.await(Duration.ofSeconds(60)).until(() -> {
            for (int i = 0; i < chat.clients.size(); i++) {
                for (String room : chat.roomsOf.get(i)) {
                    if (!chat.clients.get(i).joined(room)) {
                        return false;
                    }
                }
            }
            return true;
        });
        return chat;
    }

    /** Each client sends {@code perRoom} messages into each of its rooms; contents are unique. */
    void sendRound(String round, int perRoom) throws Exception {
        for (int i = 0; i < clients.size(); i++) {
            for (String room : roomsOf.get(i)) {
                for (int n = 0; n < perRoom; n++) {
                    String content = prefix + "/" + round + "/" + i + "/" + room + "/" + n;
                    clients.get(i).send(room, content);
                    sentTo.computeIfAbsent(room, r -> new TreeSet<>()).add(content);
                }
            }
        }
    }

    /**
     * Client {@code index} sends into its first room while the platform cannot publish: the send must be refused
     * with an error frame within 30 s (the client is told), and the message is not expected anywhere.
     */
    void sendRefused(int index, String content) throws Exception {
        ChatClient client = clients.get(index);
        int before = client.errors().size();
        client.send(roomsOf.get(index).get(0), prefix + "-refused/" + content);
        Awaits.await(Duration.ofSeconds(30)).until(() -> client.errors().size() > before);
        refusalsExpected.merge(index, 1, Integer::sum);
    }

    /** Every client's differences from "each message of its rooms exactly once", at most 20; empty when exact. */
    List<String> differences() {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < clients.size() && found.size() < 20; i++) {
            Set<String> expected = new TreeSet<>();
            roomsOf.get(i).forEach(room -> expected.addAll(sentTo.getOrDefault(room, Set.of())));
            Map<String, Integer> seen = new HashMap<>();
            clients.get(i).receivedContents().stream().filter(content -> content.startsWith(prefix + "/"))
                    .forEach(content -> seen.merge(content, 1, Integer::sum));
            for (String content : expected) {
                int times = seen.getOrDefault(content, 0);
                if (times != 1) {
                    found.add("client " + i + " received " + content + " " + times + " times");
                }
            }
            int client = i;
            seen.keySet().stream().filter(content -> !expected.contains(content))
                    .forEach(content -> found.add("client " + client + " received " + content + " of another room"));
            if (clients.get(i).errors().size() != refusalsExpected.getOrDefault(i, 0)) {
                found.add("client " + i + " got error frames " + clients.get(i).errors());
            }
        }
        return found;
    }

    int messagesSent() {
        return sentTo.values().stream().mapToInt(Set::size).sum();
    }

    private String room(int index) {
        return prefix + "-room-" + index;
    }

    @Override
    public void close() throws Exception {
        for (ChatClient client : clients) {
            client.close();
        }
    }
}
