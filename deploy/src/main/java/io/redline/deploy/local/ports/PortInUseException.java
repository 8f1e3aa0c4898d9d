package io.redline.deploy.local.ports;

/** A fixed port is taken: the message names it and what it was for. */
public final class PortInUseException extends Exception {

    private static final long serialVersionUID = 1L;

    public PortInUseException(String message) {
        super(message);
    }
}
