package io.redline.chat.protocol;

import io.redline.core.keys.InvalidKeyPartException;
import io.redline.core.keys.KeyRule;
import io.redline.core.keys.RedlineKeys;

/** What rooms, users and contents may be. Every refusal carries the error code the client gets. */
public final class ChatRules {

    public static final int MAX_CONTENT = 2_000;
    public static final int MAX_NAME = 64;
    private static final KeyRule USER = KeyRule.identifier("user id");

    private ChatRules() {
    }

    public static String room(String room) {
        if (room == null) {
            throw new ProtocolException(ErrorCode.INVALID_ROOM, "room is required");
        }
        try {
            return RedlineKeys.ROOM.check(room);
        } catch (InvalidKeyPartException e) {
            throw new ProtocolException(ErrorCode.INVALID_ROOM, e.getMessage());
        }
    }

    /** Content as sent (not trimmed), at most 2000 characters (code points), not blank. */
    public static String content(String content) {
        if (content == null || content.isBlank()) {
            throw new ProtocolException(ErrorCode.EMPTY_CONTENT, "content must not be empty");
        }
        int length = content.codePointCount(0, content.length());
        if (length > MAX_CONTENT) {
            throw new ProtocolException(ErrorCode.CONTENT_TOO_LONG, "content must be at most " + MAX_CONTENT
                    + " characters, but was " + length);
        }
        return content;
    }

    public static String userId(String userId) {
        try {
            return USER.check(userId);
        } catch (InvalidKeyPartException e) {
            throw new ProtocolException(ErrorCode.INVALID_FRAME, e.getMessage());
        }
    }

    /** A display name: 1 to 64 characters, no control characters. */
    public static String userName(String name) {
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ProtocolException(ErrorCode.INVALID_FRAME, "name must be 1 to " + MAX_NAME
                    + " characters without control characters");
        }
        return name;
    }
}
