package io.redline.chat.presence;

import java.util.List;

/** Told when the members of a room that has local clients change. */
@FunctionalInterface
public interface PresenceListener {

    void membersChanged(String room, List<Member> members);
}
