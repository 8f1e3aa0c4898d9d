package io.redline.deploy.local.process;

/** The platform did not come up: a process died while starting, or was not ready in time. */
public final class NotReadyException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotReadyException(String message) {
        super(message);
    }
}
