package io.redline.core.swr;

/**
 * What a purge by prefix did ({@link SwrCache#purgePrefix}).
 *
 * @param purged entries removed
 * @param scanned entry names looked at
 * @param complete false when the scan stopped at its bound before it had seen every entry: purge again
 */
public record PurgeResult(int purged, int scanned, boolean complete) {
}
