package io.redline.core.swr;

/** A cold key's value did not arrive within the load timeout (from this caller's load or another's). */
public final class CacheLoadTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CacheLoadTimeoutException(String message) {
        super(message);
    }
}
