package io.redline.events.consumer;

import org.redisson.api.stream.StreamMessageId;

/** Order and succession of stream ids ({@code <ms>-<seq>}), which Redisson's id type does not define. */
public final class StreamIds {

    private StreamIds() {
    }

    public static int compare(StreamMessageId a, StreamMessageId b) {
        int first = Long.compare(a.getId0(), b.getId0());
        return first != 0 ? first : Long.compare(a.getId1(), b.getId1());
    }

    /** The smallest id after {@code id}. */
    public static StreamMessageId next(StreamMessageId id) {
        return new StreamMessageId(id.getId0(), id.getId1() + 1);
    }

    public static StreamMessageId min(StreamMessageId a, StreamMessageId b) {
        return compare(a, b) <= 0 ? a : b;
    }

    public static StreamMessageId max(StreamMessageId a, StreamMessageId b) {
        return compare(a, b) >= 0 ? a : b;
    }
}
