package io.redline.chat.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One socket's view of one room. From the moment of joining, live messages are held back until the history has
 * been sent; then the held messages follow, minus those the history already had. A live copy of a message that
 * was in the history can also arrive later (the history read can overtake the pub/sub delivery): the ids of the
 * history are kept to drop it then too.
 */
final class RoomView {

    private boolean holding = true;
    private final List<String[]> held = new ArrayList<>();
    private final Set<String> historyIds = new HashSet<>();

    synchronized void deliver(String id, String frame, Outbound out) {
        if (holding) {
            held.add(new String[] {id, frame});
        } else if (!historyIds.remove(id)) {
            out.send(frame);
        }
    }

    /** Sends the history frame, then what was held back, atomically with respect to new deliveries. */
    synchronized void open(String historyFrame, Collection<String> ids, Outbound out) {
        historyIds.addAll(ids);
        out.send(historyFrame);
        for (String[] message : held) {
            if (!historyIds.remove(message[0])) {
                out.send(message[1]);
            }
        }
        held.clear();
        holding = false;
    }
}
