package io.redline.events.consumer;

import io.redline.events.deadletter.DeadLetter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redisson.api.RStream;
import org.redisson.api.stream.PendingEntry;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamPendingRangeArgs;

/**
 * Entries delivered before: claimed by the reaper, or a member's own pending entries read again at its start. Their
 * delivery counts are read ({@code XPENDING}); those delivered more than {@code MAX_DELIVERIES} times go to the
 * dead letters, the others are processed again.
 */
public final class Redelivery {

    private final RStream<String, String> stream;
    private final EntryProcessor processor;
    private final int maxDeliveries;

    public Redelivery(RStream<String, String> stream, EntryProcessor processor, int maxDeliveries) {
        this.stream = stream;
        this.processor = processor;
        this.maxDeliveries = maxDeliveries;
    }

    /** @return how many entries were acknowledged (processed, dead-lettered, or found deleted) */
    public int handle(Map<StreamMessageId, Map<String, String>> messages, String consumer) {
        Map<StreamMessageId, Long> deliveries = deliveryCounts(messages, consumer);
        Map<StreamMessageId, Map<String, String>> retry = new LinkedHashMap<>();
        Map<StreamMessageId, DeadLetter> exhausted = new LinkedHashMap<>();
        messages.forEach((id, fields) -> {
            long delivered = deliveries.getOrDefault(id, 1L);
            if (delivered > maxDeliveries && fields != null && !fields.isEmpty()) {
                exhausted.put(id, new DeadLetter(fields, DeadLetter.exhausted(delivered, maxDeliveries), delivered));
            } else {
                retry.put(id, fields);
            }
        });
        return processor.deadLetter(exhausted, consumer) + processor.process(retry, consumer, deliveries);
    }

    private Map<StreamMessageId, Long> deliveryCounts(Map<StreamMessageId, Map<String, String>> messages,
                                                      String consumer) {
        Map<StreamMessageId, Long> counts = new HashMap<>();
        if (messages.isEmpty()) {
            return counts;
        }
        StreamMessageId low = null;
        StreamMessageId high = null;
        for (StreamMessageId id : messages.keySet()) {
            low = low == null || StreamIds.compare(id, low) < 0 ? id : low;
            high = high == null || StreamIds.compare(id, high) > 0 ? id : high;
        }
        for (PendingEntry entry : stream.listPending(StreamPendingRangeArgs.groupName(GroupNames.GROUP).startId(low)
                .endId(high).count(messages.size()).consumerName(consumer))) {
            counts.put(entry.getId(), entry.getDeliveryCount());
        }
        return counts;
    }
}
