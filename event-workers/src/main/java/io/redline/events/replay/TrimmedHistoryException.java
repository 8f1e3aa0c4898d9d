package io.redline.events.replay;

/** The stream no longer holds every event written to it, so a replay would shrink the live totals. */
public final class TrimmedHistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrimmedHistoryException(long lost, long written) {
        super("the stream has lost " + lost + " of the " + written + " entries written to it (trimmed by"
                + " STREAM_RETENTION, or deleted); a replay would rebuild totals without them and shrink the live"
                + " ones. Give --over-trimmed-history to replay what is left anyway");
    }
}
