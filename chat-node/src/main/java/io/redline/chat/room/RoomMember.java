package io.redline.chat.room;

import java.util.List;

/** A local client in a room; must not block (it runs on the Redis client's pub/sub thread). */
public interface RoomMember {

    /**
     * @param room the room
     * @param messageId the message's id (for de-duplication against history)
     * @param json the message as JSON
     * @param frame the frame to send, shared by every member
     */
    void deliver(String room, String messageId, String json, String frame);

    /** A frame that is not a message (presence), sent as it is. */
    void sendFrame(String frame);

    /**
     * The node's subscription to the room has just been re-established: live messages are held back from now
     * until {@link #catchUp}, so that the ones missed meanwhile come first.
     */
    void holdForCatchUp(String room);

    /**
     * Sends the messages of {@code history} this member has not had yet, then those held back.
     *
     * @param history the room's last messages as JSON, oldest first; empty when the history could not be read
     * @return how many messages of the history were sent
     */
    int catchUp(String room, List<String> history);
}
