package io.redline.events.reaper;

import java.time.Duration;

/**
 * @param claimIdle {@code CLAIM_IDLE}: how long an entry may stay pending before it is taken over
 * @param maxDeliveries {@code MAX_DELIVERIES}: more deliveries than this and the entry is dead-lettered
 * @param interval how often the reaper runs (jittered by ±20 %)
 */
public record ReaperSettings(Duration claimIdle, int maxDeliveries, Duration interval) {
}
