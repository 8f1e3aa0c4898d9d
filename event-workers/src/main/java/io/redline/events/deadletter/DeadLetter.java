package io.redline.events.deadletter;

import java.util.Map;

/**
 * An entry on its way to the dead letters.
 *
 * @param fields the entry as written ({@code type}, {@code payload}, {@code timestamp})
 * @param reason why it is refused, in words a person can act on
 * @param deliveries how often it was delivered
 */
public record DeadLetter(Map<String, String> fields, String reason, long deliveries) {

    public DeadLetter {
        fields = Map.copyOf(fields);
    }

    /** The reason of an entry whose handler failed on every delivery allowed. */
    public static String exhausted(long deliveries, int maxDeliveries) {
        return "delivered " + deliveries + " times, more than MAX_DELIVERIES=" + maxDeliveries;
    }
}
