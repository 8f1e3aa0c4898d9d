package io.redline.gateway.traffic;

/** What the recorder reports; registered as metrics at the edge. */
public interface TrafficEvents {

    TrafficEvents NONE = new TrafficEvents() {
    };

    default void flushed(int events) {
    }

    /** Events lost: the queue was full, or Redis refused the batch. */
    default void dropped(int events) {
    }
}
