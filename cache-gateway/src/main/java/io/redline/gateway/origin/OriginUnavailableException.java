package io.redline.gateway.origin;

/** The origin could not be reached or broke the connection: answered with 502. */
public final class OriginUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OriginUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
