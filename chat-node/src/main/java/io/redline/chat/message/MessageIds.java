package io.redline.chat.message;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids that are unique across nodes and sort by time: {@code <epoch ms, 13 digits>-<node>-<sequence>}.
 */
public final class MessageIds {

    private final Clock clock;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    public MessageIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        return String.format("%013d-%s-%d", clock.millis(), node, sequence.incrementAndGet());
    }
}
