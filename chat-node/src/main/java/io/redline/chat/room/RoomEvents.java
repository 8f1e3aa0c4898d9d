package io.redline.chat.room;

/** What the fan-out reports; registered as metrics at the edge. */
public interface RoomEvents {

    RoomEvents NONE = new RoomEvents() {
    };

    /** A message arrived from Redis and went to {@code members} local clients. */
    default void fannedOut(int members) {
    }

    /** A payload on a room channel was not a chat message (another producer wrote it); it was dropped. */
    default void unreadable(String room) {
    }
}
