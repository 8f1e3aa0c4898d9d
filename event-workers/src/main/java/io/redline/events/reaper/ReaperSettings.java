package io.redline.events.reaper;

import java.time.Duration;

/**
 * @param claimIdle {@code CLAIM_IDLE}: how long an entry may stay pending before it is taken over
 * @param interval how often the reaper runs (jittered by ±20 %)
 */
public record ReaperSettings(Duration claimIdle, Duration interval) {
}
