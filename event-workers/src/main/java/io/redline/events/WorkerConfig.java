package io.redline.events;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Durations;
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
 * @param effectsSyncReplicas {@code EFFECTS_SYNC_REPLICAS}: replicas that must hold an entry's effects before it is
 *     acknowledged ({@code WAIT}); default 0, none
 * @param effectsSyncTimeout {@code EFFECTS_SYNC_TIMEOUT}: how long a master may take to confirm; default 500ms
 */
public record WorkerConfig(String hostName, int consumers, int batchSize, Duration claimIdle, int maxDeliveries,
                           Duration consumerExpiry, StreamRetention retention, int deadLetterMaxLength,
                           int effectsSyncReplicas, Duration effectsSyncTimeout) {

    private static final int MAX_HOST_NAME = 200;
    private static final KeyRule HOST = new KeyRule("HOSTNAME", MAX_HOST_NAME, ".");
    // the bounds are written once: read() turns a value outside them into a ConfigError naming the variable,
    // the constructor refuses one that did not come through read() (a bench, a test)
    private static final int MAX_CONSUMERS = 32;
    private static final int MAX_BATCH = 10_000;
    private static final Duration MIN_CLAIM_IDLE = Duration.ofMillis(100);
    private static final int MAX_MAX_DELIVERIES = 1_000;
    private static final Duration MIN_CONSUMER_EXPIRY = Duration.ofSeconds(1);
    private static final int MAX_DEAD_LETTERS = 100_000_000;
    private static final int MAX_SYNC_REPLICAS = 5;
    private static final Duration MIN_SYNC_TIMEOUT = Duration.ofMillis(10);
    // below Redisson's 3 s command timeout, which would fail the WAIT itself first
    private static final Duration MAX_SYNC_TIMEOUT = Duration.ofSeconds(2);

    public WorkerConfig {
        HOST.check(hostName);
        requireRange("consumers", consumers, MAX_CONSUMERS);
        requireRange("batchSize", batchSize, MAX_BATCH);
        requireAtLeast("claimIdle", claimIdle, MIN_CLAIM_IDLE);
        requireRange("maxDeliveries", maxDeliveries, MAX_MAX_DELIVERIES);
        requireAtLeast("consumerExpiry", consumerExpiry, MIN_CONSUMER_EXPIRY);
        if (retention == null) {
            throw new IllegalArgumentException("retention must be set (StreamRetention.KEEP_ALL for none), but was"
                    + " null");
        }
        requireRange("deadLetterMaxLength", deadLetterMaxLength, MAX_DEAD_LETTERS);
        if (effectsSyncReplicas < 0 || effectsSyncReplicas > MAX_SYNC_REPLICAS) {
            throw new IllegalArgumentException("effectsSyncReplicas must be from 0 to " + MAX_SYNC_REPLICAS
                    + ", but was " + effectsSyncReplicas);
        }
        requireAtLeast("effectsSyncTimeout", effectsSyncTimeout, MIN_SYNC_TIMEOUT);
        if (effectsSyncTimeout.compareTo(MAX_SYNC_TIMEOUT) > 0) {
            throw new IllegalArgumentException("effectsSyncTimeout must be at most "
                    + Durations.format(MAX_SYNC_TIMEOUT) + ", but was " + Durations.format(effectsSyncTimeout));
        }
    }

    public static WorkerConfig read(ConfigReader reader) {
        return new WorkerConfig(
                reader.parsed("HOSTNAME", localHost(), WorkerConfig::hostName),
                reader.integer("WORKER_CONSUMERS", 2, 1, MAX_CONSUMERS),
                reader.integer("WORKER_BATCH", 100, 1, MAX_BATCH),
                reader.duration("CLAIM_IDLE", Duration.ofSeconds(60), MIN_CLAIM_IDLE),
                reader.integer("MAX_DELIVERIES", 5, 1, MAX_MAX_DELIVERIES),
                reader.duration("CONSUMER_EXPIRY", Duration.ofHours(1), MIN_CONSUMER_EXPIRY),
                reader.parsed("STREAM_RETENTION", StreamRetention.KEEP_ALL, StreamRetention::parse),
                reader.integer("DLQ_MAXLEN", 100_000, 1, MAX_DEAD_LETTERS),
                reader.integer("EFFECTS_SYNC_REPLICAS", 0, 0, MAX_SYNC_REPLICAS),
                reader.duration("EFFECTS_SYNC_TIMEOUT", Duration.ofMillis(500), MIN_SYNC_TIMEOUT, MAX_SYNC_TIMEOUT));
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

    private static void requireRange(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be from 1 to " + max + ", but was " + value);
        }
    }

    private static void requireAtLeast(String name, Duration value, Duration min) {
        if (value == null || value.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + Durations.format(min) + ", but was "
                    + (value == null ? "null" : Durations.format(value)));
        }
    }

    private static String localHost() {
        try {
            String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
            // a host name may have up to 253 characters; the default must pass the rule that HOSTNAME must pass
            return name.isEmpty() ? "worker" : name.substring(0, Math.min(name.length(), MAX_HOST_NAME));
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
