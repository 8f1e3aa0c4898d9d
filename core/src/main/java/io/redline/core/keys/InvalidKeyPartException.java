package io.redline.core.keys;

/** A user-supplied key part that breaks its {@link KeyRule}; the message says what is allowed. */
public final class InvalidKeyPartException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidKeyPartException(String message) {
        super(message);
    }
}
