package io.redline.events.event;

/** An entry that can never be processed: it goes to the dead-letter stream at once with this reason. */
public final class PoisonEventException extends Exception {

    private static final long serialVersionUID = 1L;

    public PoisonEventException(String reason) {
        super(reason);
    }
}
