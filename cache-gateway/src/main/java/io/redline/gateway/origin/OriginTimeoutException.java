package io.redline.gateway.origin;

/** The origin did not answer within {@code ORIGIN_TIMEOUT} (or the connection within the connect timeout): 504. */
public final class OriginTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OriginTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
