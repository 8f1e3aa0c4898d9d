package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.core.config.ConfigError;
import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.keys.InvalidKeyPartException;
import io.redline.events.reaper.StreamRetention;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class WorkerConfigTest {

    @Test
    void theDefaultsAreThoseOfTheDocumentation() {
        WorkerConfig config = read(Map.of("HOSTNAME", "pod-7"));
        assertEquals(new WorkerConfig("pod-7", 2, 100, Duration.ofSeconds(60), 5, Duration.ofHours(1),
                StreamRetention.KEEP_ALL, 100_000, 0, Duration.ofMillis(500)), config);
        assertEquals(Duration.ofSeconds(30), config.reaperInterval());
    }

    @Test
    void everyBadVariableIsReportedAtOnceNamingTheVariable() {
        ConfigReader reader = new ConfigReader(Env.of(Map.of("HOSTNAME", "pod 7", "WORKER_CONSUMERS", "33",
                "WORKER_BATCH", "0", "CLAIM_IDLE", "50ms", "MAX_DELIVERIES", "1001", "CONSUMER_EXPIRY", "500ms",
                "STREAM_RETENTION", "forever", "DLQ_MAXLEN", "100000001", "EFFECTS_SYNC_REPLICAS", "6",
                "EFFECTS_SYNC_TIMEOUT", "3s")));
        WorkerConfig.read(reader);
        ConfigException error = assertThrows(ConfigException.class, reader::throwIfInvalid);
        assertEquals(List.of(
                "HOSTNAME=\"pod 7\" is invalid: must be 1 to 200 characters of A-Z, a-z, 0-9, _, -, .",
                "WORKER_CONSUMERS=\"33\" is invalid: must be a whole number from 1 to 32",
                "WORKER_BATCH=\"0\" is invalid: must be a whole number from 1 to 10000",
                "CLAIM_IDLE=\"50ms\" is invalid: must be at least 100ms",
                "MAX_DELIVERIES=\"1001\" is invalid: must be a whole number from 1 to 1000",
                "CONSUMER_EXPIRY=\"500ms\" is invalid: must be at least 1s",
                "STREAM_RETENTION=\"forever\" is invalid: must be maxlen:N (entries to keep) or age:DURATION (such"
                        + " as age:7d), or empty",
                "DLQ_MAXLEN=\"100000001\" is invalid: must be a whole number from 1 to 100000000",
                "EFFECTS_SYNC_REPLICAS=\"6\" is invalid: must be a whole number from 0 to 5",
                "EFFECTS_SYNC_TIMEOUT=\"3s\" is invalid: must be from 10ms to 2s"),
                error.errors().stream().map(ConfigError::line).collect(Collectors.toList()));
    }

    @Test
    void theConstructorRefusesAValueOutsideTheBoundsThatReadingEnforces() {
        assertEquals("consumers must be from 1 to 32, but was 33", refusal(() -> config(33, 100,
                Duration.ofSeconds(60), 5, Duration.ofHours(1), 100_000)));
        assertEquals("batchSize must be from 1 to 10000, but was 0", refusal(() -> config(2, 0,
                Duration.ofSeconds(60), 5, Duration.ofHours(1), 100_000)));
        assertEquals("claimIdle must be at least 100ms, but was 50ms", refusal(() -> config(2, 100,
                Duration.ofMillis(50), 5, Duration.ofHours(1), 100_000)));
        assertEquals("claimIdle must be at least 100ms, but was null", refusal(() -> config(2, 100,
                null, 5, Duration.ofHours(1), 100_000)));
        assertEquals("maxDeliveries must be from 1 to 1000, but was 0", refusal(() -> config(2, 100,
                Duration.ofSeconds(60), 0, Duration.ofHours(1), 100_000)));
        assertEquals("consumerExpiry must be at least 1s, but was 500ms", refusal(() -> config(2, 100,
                Duration.ofSeconds(60), 5, Duration.ofMillis(500), 100_000)));
        assertEquals("deadLetterMaxLength must be from 1 to 100000000, but was -1", refusal(() -> config(2, 100,
                Duration.ofSeconds(60), 5, Duration.ofHours(1), -1)));
        assertEquals("retention must be set (StreamRetention.KEEP_ALL for none), but was null",
                refusal(() -> new WorkerConfig("pod-7", 2, 100, Duration.ofSeconds(60), 5, Duration.ofHours(1),
                        null, 100_000, 0, Duration.ofMillis(500))));
        assertEquals("effectsSyncReplicas must be from 0 to 5, but was -1", refusal(() -> new WorkerConfig("pod-7",
                2, 100, Duration.ofSeconds(60), 5, Duration.ofHours(1), StreamRetention.KEEP_ALL, 100_000, -1,
                Duration.ofMillis(500))));
        assertEquals("effectsSyncTimeout must be at most 2s, but was 5s", refusal(() -> new WorkerConfig("pod-7",
                2, 100, Duration.ofSeconds(60), 5, Duration.ofHours(1), StreamRetention.KEEP_ALL, 100_000, 1,
                Duration.ofSeconds(5))));
    }

    @Test
    void theConstructorRefusesAHostNameThatWouldForgeAMemberName() {
        InvalidKeyPartException error = assertThrows(InvalidKeyPartException.class,
                () -> new WorkerConfig("pod\n7", 2, 100, Duration.ofSeconds(60), 5, Duration.ofHours(1),
                        StreamRetention.KEEP_ALL, 100_000, 0, Duration.ofMillis(500)));
        assertEquals("HOSTNAME must be 1 to 200 characters of A-Z, a-z, 0-9, _, -, ., but was \"pod\\u000a7\"",
                error.getMessage());
    }

    @Test
    void theReaperRunsTwicePerClaimIdleAndAtMostEvery30Seconds() {
        assertEquals(Duration.ofMillis(50), config(2, 100, Duration.ofMillis(100), 5, Duration.ofHours(1), 1)
                .reaperInterval());
        assertEquals(Duration.ofSeconds(30), config(2, 100, Duration.ofMinutes(5), 5, Duration.ofHours(1), 1)
                .reaperInterval());
    }

    private static WorkerConfig read(Map<String, String> variables) {
        ConfigReader reader = new ConfigReader(Env.of(variables));
        WorkerConfig config = WorkerConfig.read(reader);
        reader.throwIfInvalid();
        return config;
    }

    private static WorkerConfig config(int consumers, int batchSize, Duration claimIdle, int maxDeliveries,
                                       Duration consumerExpiry, int deadLetterMaxLength) {
        return new WorkerConfig("pod-7", consumers, batchSize, claimIdle, maxDeliveries, consumerExpiry,
                StreamRetention.KEEP_ALL, deadLetterMaxLength, 0, Duration.ofMillis(500));
    }

    private static String refusal(Executable construction) {
        return assertThrows(IllegalArgumentException.class, construction).getMessage();
    }
}
