package io.redline.events;

import io.redline.core.config.ConfigReader;
import io.redline.core.keys.KeyRule;
import io.redline.events.reaper.StreamRetention;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The workers' own variables.
 *
 * @param hostName {@code HOSTNAME}: members are {@code <HOSTNAME>-<n>} (a pod's name, stable across restarts)
 * @param consumers {@code WORKER_CONSUMERS}, default 2 (at most 32: each blocking read holds a connection)
 * @param batchSize {@code WORKER_BATCH}: entries per read, default 100
 * @param claimIdle {@code CLAIM_IDLE}, default 60s
 * @param maxDeliveries {@code MAX_DELIVERIES}, default 5
 * @param consumerExpiry {@code CONSUMER_EXPIRY}, default 1h
 * @param retention {@code STREAM_RETENTION}, default keep all
 * @param deadLetterMaxLength {@code DLQ_MAXLEN}: dead letters kept, the oldest dropped first; default 100000
 */
public record WorkerConfig(String hostName, int consumers, int batchSize, Duration claimIdle, int maxDeliveries,
                           Duration consumerExpiry, StreamRetention retention, int deadLetterMaxLength) {

    private static final KeyRule HOST = new KeyRule("HOSTNAME", 200, ".");

    public static WorkerConfig read(ConfigReader reader) {
        return new WorkerConfig(
                reader.parsed("HOSTNAME", localHost(), WorkerConfig::hostName),
                reader.integer("WORKER_CONSUMERS", 2, 1, 32),
                reader.integer("WORKER_BATCH", 100, 1, 10_000),
                reader.duration("CLAIM_IDLE", Duration.ofSeconds(60), Duration.ofMillis(100)),
                reader.integer("MAX_DELIVERIES", 5, 1, 1_000),
                reader.duration("CONSUMER_EXPIRY", Duration.ofHours(1), Duration.ofSeconds(1)),
                reader.parsed("STREAM_RETENTION", StreamRetention.KEEP_ALL, StreamRetention::parse),
                reader.integer("DLQ_MAXLEN", 100_000, 1, 100_000_000));
    }

    /** The reaper runs twice per {@code CLAIM_IDLE}, at most every 30 s. */
    public Duration reaperInterval() {
        Duration half = claimIdle.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : half;
    }

    private static String hostName(String text) {
        try {
            return HOST.check(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + HOST.description(), e);
        }
    }

    private static String localHost() {
        try {
            String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
            return name.isEmpty() ? "worker" : name;
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
