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
    /** A join beyond the rooms one socket may be in ({@code CHAT_MAX_ROOMS}). */
    TOO_MANY_ROOMS,
    /** An HTTP body larger than the limit (413). */
    BODY_TOO_LARGE,
    /** An HTTP body that is not {@code application/json} (415). */
    UNSUPPORTED_MEDIA_TYPE,
    /** No valid connection token where {@code CHAT_TOKEN_SECRET} requires one (401). */
    UNAUTHORIZED,
    /** A page of an origin that {@code CHAT_ALLOWED_ORIGINS} does not list (403). */
    FORBIDDEN_ORIGIN,
    /**
     * The message could not be published: Redis could not be reached, or this node's subscription to the room is
     * being re-established. Nothing was stored or sent; the client may send it again.
     */
    UNAVAILABLE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
