package io.redline.deploy.local.status;

import java.util.Set;

/** The metric families the status line reads, as the processes export them (see docs/*.md, "Metrics"). */
final class WatchedMetrics {

    /** Every request a gateway answered, one series per {@code outcome}. */
    static final String GATEWAY_REQUESTS = "redline_gateway_requests_total";
    static final String OUTCOME = "outcome";
    static final Set<String> GATEWAY_HITS = Set.of("hit", "stale");
    static final Set<String> GATEWAY_LOOKUPS = Set.of("hit", "stale", "miss", "pass");
    static final Set<String> GATEWAY_DENIED = Set.of("denied");
    /** Messages a chat-node took from its clients: added over the nodes, what was sent. */
    static final String CHAT_MESSAGES_IN = "redline_chat_messages_received_total";
    /** One series per event {@code type}. */
    static final String EVENTS_PROCESSED = "redline_events_processed_total";
    /** The group's pending entries, as every worker process's reaper last read them. */
    static final String EVENTS_PENDING = "redline_events_pending";

    private WatchedMetrics() {
    }
}
