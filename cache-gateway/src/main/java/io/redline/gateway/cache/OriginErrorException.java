package io.redline.gateway.cache;

import io.redline.gateway.origin.OriginResponse;

/**
 * The origin answered with a server error. A cold request relays it to the client unstored; a background refresh
 * counts it as a failure and keeps the stale value (stale-if-error).
 */
public final class OriginErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OriginResponse response;

    public OriginErrorException(OriginResponse response) {
        super("origin answered " + response.status());
        this.response = response;
    }

    public OriginResponse response() {
        return response;
    }
}
