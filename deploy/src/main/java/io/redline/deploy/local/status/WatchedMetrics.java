package io.redline.deploy.local.status;

import java.util.Set;

/** The metric families the status line reads, as the processes export them. */
final class WatchedMetrics {

    /** Every request a gateway answered counts in one {@code gateway_requests_<outcome>_total}. */
    static final String GATEWAY_REQUESTS_PREFIX = "gateway_requests_";
    static final Set<String> GATEWAY_HITS = Set.of("gateway_requests_hit_total", "gateway_requests_stale_total");
    static final Set<String> GATEWAY_LOOKUPS = Set.of("gateway_requests_hit_total", "gateway_requests_stale_total",
            "gateway_requests_miss_total", "gateway_requests_pass_total");
    static final String GATEWAY_DENIED = "gateway_requests_denied_total";
    /** Messages a chat-node took from its clients: added over the nodes, what was sent. */
    static final String CHAT_MESSAGES_IN = "chat_messages_in_total";
    /** One family per event type ({@code events_processed_paid_total}, ...). */
    static final String EVENTS_PROCESSED_PREFIX = "events_processed";
    /** The group's pending entries, as every worker process's reaper last read them. */
    static final String EVENTS_PENDING = "events_group_pending";
    static final String TOTAL_SUFFIX = "_total";

    private WatchedMetrics() {
    }
}
