package io.redline.chat.presence;

import java.util.List;

/** Told when the members of a room that has local clients change, and when reading them failed. */
public interface PresenceListener {

    void membersChanged(String room, List<Member> members);

    /** A heartbeat or a read of the members failed: Redis did not answer. */
    default void redisFailed(Throwable error) {
    }
}
