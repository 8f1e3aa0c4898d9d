package io.redline.chat.room;

/** A local client in a room; must not block (it runs on the Redis client's pub/sub thread). */
public interface RoomMember {

    /**
     * @param room the room
     * @param messageId the message's id (for de-duplication against history)
     * @param frame the frame to send, shared by every member
     */
    void deliver(String room, String messageId, String frame);

    /** A frame that is not a message (presence), sent as it is. */
    void sendFrame(String frame);
}
