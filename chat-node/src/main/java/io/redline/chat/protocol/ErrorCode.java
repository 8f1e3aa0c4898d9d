package io.redline.chat.protocol;

import java.util.Locale;

/** Why a frame was refused; sent as {@code {"type":"error","code":...}} and the socket stays open. */
public enum ErrorCode {
    /** The frame is not JSON. */
    INVALID_JSON,
    /** {@code type} is missing or not join, send or leave. */
    UNKNOWN_TYPE,
    /** A field is missing or of the wrong kind. */
    INVALID_FRAME,
    /** The room name is not 1 to 64 of A-Z a-z 0-9 _ -. */
    INVALID_ROOM,
    /** The content is empty or only white space. */
    EMPTY_CONTENT,
    /** The content is longer than 2000 characters. */
    CONTENT_TOO_LONG,
    /** Sending to a room this socket has not joined. */
    NOT_JOINED,
    /** The user sent more than their limit. */
    RATE_LIMITED,
    /** Redis could not be reached; nothing was stored or sent. */
    UNAVAILABLE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
