package io.redline.chat.presence;

import io.redline.core.json.Json;

/**
 * One session's entry in {@code chat:presence:{R}}: the sorted-set member, as JSON.
 *
 * @param session the session's id, unique across nodes
 * @param userId the user's id
 * @param userName the user's display name
 */
record PresenceEntry(String session, String userId, String userName) {

    String toJson() {
        return Json.write(this);
    }

    Member member() {
        return new Member(userId, userName);
    }

    static PresenceEntry parse(String json) {
        return Json.read(json, PresenceEntry.class);
    }
}
