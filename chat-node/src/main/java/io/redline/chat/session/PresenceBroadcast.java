package io.redline.chat.session;

import io.redline.chat.presence.Member;
import io.redline.chat.presence.PresenceListener;
import io.redline.chat.protocol.ServerFrames;
import io.redline.chat.room.RoomSubscriptions;
import io.redline.core.concurrent.Futures;
import java.util.List;

/**
 * Tells a room's local clients who is in it when that changes, and takes a failed presence read as a sign that
 * the node's room subscriptions may be lost.
 */
public final class PresenceBroadcast implements PresenceListener {

    private final RoomSubscriptions rooms;

    public PresenceBroadcast(RoomSubscriptions rooms) {
        this.rooms = rooms;
    }

    @Override
    public void membersChanged(String room, List<Member> members) {
        String frame = ServerFrames.presence(room, members);
        rooms.members(room).forEach(member -> member.sendFrame(frame));
    }

    @Override
    public void redisFailed(Throwable error) {
        // polled every second while rooms have local clients: the earliest sign of an outage
        rooms.suspectLost("Redis did not answer a presence read: " + Futures.unwrap(error));
    }
}
