package io.redline.chat.identity;

/** A connection token that is malformed, not signed with this secret, or expired. */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
        super(message);
    }
}
