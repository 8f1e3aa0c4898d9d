package io.redline.stats.dashboard;

/** A source key holds something the dashboard cannot read; the message names the key. */
public final class WrongTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WrongTypeException(String message) {
        super(message);
    }
}
