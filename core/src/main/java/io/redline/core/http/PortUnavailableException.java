package io.redline.core.http;

import java.net.BindException;

/**
 * A server could not listen on its port: taken by another process, or not allowed. Carries the port so that the
 * process can name the variable that set it, in one line instead of Jetty's stack trace.
 */
public final class PortUnavailableException extends BindException {

    private static final long serialVersionUID = 1L;

    private final int port;
    private final String reason;

    /**
     * @param reason the operating system's words, such as {@code Address already in use}
     */
    public PortUnavailableException(int port, String reason, Throwable cause) {
        super("cannot listen on port " + port + ": " + reason);
        this.port = port;
        this.reason = reason;
        initCause(cause);
    }

    public int port() {
        return port;
    }

    public String reason() {
        return reason;
    }
}
