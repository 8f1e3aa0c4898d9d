package io.redline.events.consumer;

import io.redline.events.event.EventType;

/** What the workers report; registered as metrics at the edge. */
public interface WorkerEvents {

    WorkerEvents NONE = new WorkerEvents() {
    };

    /**
     * An event's effects were stored and it was acknowledged.
     *
     * @param ageMillis since the event's timestamp, when its batch was acknowledged: its end-to-end age
     * @param processingMillis from the moment its batch was read (or claimed) to that acknowledgement: the time
     *                         the worker took, the same for every event of the batch
     */
    default void processed(EventType type, long ageMillis, long processingMillis) {
    }

    /**
     * Entries that could not be applied: their handler failed, or Redis refused or failed their effects (they stay
     * pending and are retried, or went to the dead letters when Redis refused them).
     */
    default void failed(int entries) {
    }

    default void deadLettered(int entries) {
    }

    default void reclaimed(int entries) {
    }

    /** Entries that XAUTOCLAIM found deleted from the stream while pending. */
    default void deletedOnClaim(int entries) {
    }

    /** Redis had lost the consumer group, and this process re-created it. */
    default void groupRecreated() {
    }

    /** The group's figures, refreshed by the reaper. */
    default void groupFigures(long pending, long lag) {
    }

    /** The length of the dead-letter stream, refreshed by the reaper. */
    default void deadLetterFigures(long length) {
    }
}
