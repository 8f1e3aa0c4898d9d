package io.redline.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The deadline for a request's line and headers on every HTTP/1 connection of a connector: a connection whose
 * client has not finished sending them within the timeout gets {@code 408} and is closed. Jetty's idle timeout does
 * not catch a slowloris client, since every byte it trickles counts as progress.
 *
 * <p>The time counts from the connection's opening for its first request, and from the first byte of each next
 * request on a kept-alive connection (between requests the idle timeout applies). Each connection is checked four
 * times per timeout, so a slow client is cut off between one and one and a half timeouts after it began.
 */
final class HeaderDeadline implements Connection.Listener {

    private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final Scheduler scheduler;
    private final long timeoutMillis;
    private final long checkMillis;

    HeaderDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeoutMillis = timeout.toMillis();
        this.checkMillis = Math.max(10, timeoutMillis / 4);
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection) {
            new Watch((HttpConnection) connection).schedule();
        }
    }

    /** One connection's watch; only its own scheduled task touches its fields, one run after the other. */
    private final class Watch implements Runnable {

        private final HttpConnection connection;
        /** When the request now being read began (ms, monotonic), or -1 when none is being read. */
        private long since = nowMillis();
        /** The connection's request count when {@link #since} was set: a higher count means a later request. */
        private long requestsSeen;

        Watch(HttpConnection connection) {
            this.connection = connection;
        }

        void schedule() {
            scheduler.schedule(this, checkMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            EndPoint endPoint = connection.getEndPoint();
            if (!endPoint.isOpen()) {
                return;
            }
            long now = nowMillis();
            long requests = connection.getMessagesIn();
            if (!readingHeaders(connection.getParser(), requests)) {
                since = -1;
            } else if (since < 0 || requests != requestsSeen) {
                since = now;
                requestsSeen = requests;
            } else if (now - since >= timeoutMillis) {
                reject(endPoint);
                return;
            }
            schedule();
        }
    }

    /** A fresh connection waits for its first request's headers; a used one only once its next request began. */
    private static boolean readingHeaders(HttpParser parser, long requests) {
        return parser.inHeaderState() && (!parser.isStart() || requests == 0);
    }

    /** No response is under way while the parser still reads headers, so the 408 cannot mix with one. */
    private static void reject(EndPoint endPoint) {
        try {
            endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close(failure)),
                    ByteBuffer.wrap(REQUEST_TIMEOUT));
        } catch (RuntimeException e) {
            // a write is pending after all: closing is answer enough
            endPoint.close(e);
        }
    }

    private static long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
