package io.redline.chat.session;

import io.redline.chat.message.ChatHistory;
import io.redline.chat.message.ChatMessage;
import io.redline.chat.protocol.ServerFrames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

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

    synchronized void deliver(String id, String frame, Outbound out) {
        if (!opened || catchUps > 0) {
            held.add(new String[] {id, frame});
        } else if (remember(id)) {
            out.send(frame);
        }
    }

    /** Sends the history frame, then what was held back, atomically with respect to new deliveries. */
    synchronized void open(String historyFrame, Collection<String> ids, Outbound out) {
        ids.forEach(this::remember);
        out.send(historyFrame);
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
    synchronized int catchUp(List<String> history, Outbound out) {
        catchUps = Math.max(0, catchUps - 1);
        if (!opened) {
            catchUpBeforeOpen = history;
            return 0;
        }
        int sent = sendMissing(history, out);
        releaseHeld(out);
        return sent;
    }

    private int sendMissing(List<String> history, Outbound out) {
        int sent = 0;
        for (String json : history) {
            String id;
            try {
                id = ChatMessage.parse(json).id();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (remember(id)) {
                out.send(ServerFrames.message(json));
                sent++;
            }
        }
        return sent;
    }

    private void releaseHeld(Outbound out) {
        if (catchUps > 0) {
            return;
        }
        for (String[] message : held) {
            if (remember(message[0])) {
                out.send(message[1]);
            }
        }
        held.clear();
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
