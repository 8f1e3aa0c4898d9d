package io.redline.gateway.http;

import org.eclipse.jetty.server.Request;
import org.slf4j.MDC;

/**
 * Puts a request's id in the MDC around a log line written after the request left its receiving thread (on a
 * Redis or origin client thread, where the MDC of the receiving thread is not). The id is the request's
 * {@code X-Request-Id}, which the tracing wrapper sets on every request it hands on.
 */
public final class RequestLogContext {

    /** The MDC key of a request's log lines (see docs/configuration.md, "Logs"). */
    public static final String MDC_KEY = "request_id";
    public static final String HEADER = "X-Request-Id";

    private RequestLogContext() {
    }

    /** Runs {@code log} with the request's id in the MDC, if it has one. */
    static void run(Request request, Runnable log) {
        String id = request.getHeaders().get(HEADER);
        if (id == null) {
            log.run();
            return;
        }
        MDC.put(MDC_KEY, id);
        try {
            log.run();
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
