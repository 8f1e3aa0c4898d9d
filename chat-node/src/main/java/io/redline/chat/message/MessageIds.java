package io.redline.chat.message;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids that are unique across nodes and sort by time: {@code <epoch ms, 13 digits>-<node>-<sequence>}.
 */
public final class MessageIds {

    private final String node;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param node the id of the node that makes them: the node's one id, which its session ids carry too
     */
    public MessageIds(String node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    public String next() {
        return String.format("%013d-%s-%d", clock.millis(), node, sequence.incrementAndGet());
    }
}
