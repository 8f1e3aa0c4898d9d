package io.redline.gateway.origin;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;

/**
 * The rest of a body too large to buffer, still on the origin's connection. One request takes it and sends it on;
 * if nobody does (a refresh that became a pass-through, a request that gave up, a {@code HEAD}), it is aborted, so
 * that the origin's connection is closed instead of waiting for a reader that never comes.
 */
public final class StreamedBody {

    private final Content.Source source;
    private final AtomicBoolean taken = new AtomicBoolean();

    /** @param source the body's remainder, on the origin's connection */
    public StreamedBody(Content.Source source) {
        this.source = source;
    }

    /**
     * @return the body's source for the first caller, who must read it to its end or fail it; {@code null} for
     *         every later caller and after {@link #abort}
     */
    public Content.Source take() {
        return taken.compareAndSet(false, true) ? source : null;
    }

    /** Aborts the body unless someone took it: the exchange with the origin fails and its connection closes. */
    public void abort(Throwable cause) {
        if (taken.compareAndSet(false, true)) {
            source.fail(cause);
        }
    }
}
