package io.redline.chat.session;

import io.redline.chat.message.ChatHistory;
import io.redline.chat.message.ChatMessage;
import io.redline.chat.protocol.ServerFrames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One socket's view of one room. From the moment of joining, live messages are held back until the history has
 * been sent; then the held messages follow, minus those the history already had. The same happens on a catch-up
 * after the node re-subscribed: live messages are held, the history's messages the client has not had are sent,
 * then the held ones. The ids of what the client has had (recent ones: enough to cover the history) decide what is
 * a duplicate, whichever way round the history read and a live delivery arrive.
 */
final class RoomView {

    /** More than the history holds, so that every message the history can still return is remembered. */
    private static final int REMEMBERED = 4 * ChatHistory.SIZE;

    private boolean opened;
    private int catchUps;
    private List<String> catchUpBeforeOpen = List.of();
    private final List<String[]> held = new ArrayList<>();
    private final LinkedHashSet<String> had = new LinkedHashSet<>();

    synchronized void deliver(String id, String json, String frame, Consumer<String> out) {
        if (!opened || catchUps > 0) {
            held.add(new String[] {id, json, frame});
        } else if (remember(id)) {
            out.accept(frame);
        }
    }

    /**
     * Sends the history frame, then what was held back, atomically with respect to new deliveries.
     *
     * <p>Held messages come in the order they were published, and the history holds only the last
     * {@value ChatHistory#SIZE}: when more were published between the subscription and the history read, the first
     * held ones are in neither the history nor the client's past. Those come before the history in the frame.
     * (Such a message that is still on its way from Redis when the history frame goes out can only follow it.)
     *
     * @param history the room's last messages, oldest first
     * @param ids their ids
     * @param since the last message id the client saw, or null
     * @param frameOf makes the history frame of the messages to show
     */
    synchronized void open(List<String> history, List<String> ids, String since,
                           Function<List<String>, String> frameOf, Consumer<String> out) {
        ids.forEach(this::remember);
        Set<String> inHistory = new HashSet<>(ids);
        int overlap = 0;
        while (overlap < held.size() && !inHistory.contains(held.get(overlap)[0])) {
            overlap++;
        }
        List<String> shown = new ArrayList<>();
        if (overlap < held.size()) {
            // held.subList(0, overlap) was trimmed from the history before it was read
            for (String[] message : held.subList(0, overlap)) {
                if (remember(message[0])) {
                    shown.add(message[1]);
                }
            }
        }
        shown.addAll(after(history, ids, since));
        out.accept(frameOf.apply(shown));
        opened = true;
        // a catch-up that came while the join was reading the history may know of later messages
        sendMissing(catchUpBeforeOpen, out);
        catchUpBeforeOpen = List.of();
        releaseHeld(out);
    }

    /** Holds live messages back until {@link #catchUp}. */
    synchronized void hold() {
        catchUps++;
    }

    /**
     * Sends the messages of {@code history} the client has not had, then what was held back.
     *
     * @return how many messages of the history were sent
     */
    synchronized int catchUp(List<String> history, Consumer<String> out) {
        catchUps = Math.max(0, catchUps - 1);
        if (!opened) {
            catchUpBeforeOpen = history;
            return 0;
        }
        int sent = sendMissing(history, out);
        releaseHeld(out);
        return sent;
    }

    private int sendMissing(List<String> history, Consumer<String> out) {
        int sent = 0;
        for (String json : history) {
            String id;
            try {
                id = ChatMessage.parse(json).id();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (remember(id)) {
                out.accept(ServerFrames.message(json));
                sent++;
            }
        }
        return sent;
    }

    private void releaseHeld(Consumer<String> out) {
        if (catchUps > 0) {
            return;
        }
        for (String[] message : held) {
            if (remember(message[0])) {
                out.accept(message[2]);
            }
        }
        held.clear();
    }

    /** The messages after {@code since}, or all of them when it is unknown (older than the history kept). */
    static List<String> after(List<String> history, List<String> ids, String since) {
        int seen = since == null ? -1 : ids.indexOf(since);
        return seen < 0 ? history : history.subList(seen + 1, history.size());
    }

    /** @return whether the id is new to this view */
    private boolean remember(String id) {
        if (!had.add(id)) {
            return false;
        }
        if (had.size() > REMEMBERED) {
            had.remove(had.iterator().next());
        }
        return true;
    }
}
