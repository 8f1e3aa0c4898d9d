package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.RedisExtension;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.GroupNames;
import io.redline.events.reaper.ConsumerJanitor;
import io.redline.events.reaper.StreamTrimmer;
import io.redline.events.reaper.StreamRetention;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamConsumer;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;
import org.redisson.api.stream.StreamReadGroupArgs;

/** Clean-up and retention never lose an entry that is still pending. */
class HousekeepingTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void consumerCleanUpRemovesOnlyIdleConsumersWithoutPendingEntries() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("janitor"));
        RStream<String, String> stream = streamWith(keys, 4);
        stream.readGroup(GroupNames.GROUP, "holder", StreamReadGroupArgs.neverDelivered().count(2));
        stream.readGroup(GroupNames.GROUP, "idle-empty", StreamReadGroupArgs.neverDelivered().count(2));
        stream.ack(GroupNames.GROUP, stream.listPending(org.redisson.api.stream.StreamPendingRangeArgs
                .groupName(GroupNames.GROUP).startId(StreamMessageId.MIN).endId(StreamMessageId.MAX).count(10)
                .consumerName("idle-empty")).stream().map(p -> p.getId()).toArray(StreamMessageId[]::new));
        pause(Duration.ofMillis(1_200));

        new ConsumerJanitor(REDIS.client(), stream, Duration.ofSeconds(1), Set.of()).run();

        List<String> left = stream.listConsumers(GroupNames.GROUP).stream().map(StreamConsumer::getName)
                .collect(Collectors.toList());
        assertEquals(List.of("holder"), left, "the consumer with pending entries is kept");
        assertEquals(2, stream.getPendingInfo(GroupNames.GROUP).getTotal());
    }

    @Test
    void retentionNeverTrimsAnEntryStillPendingOrNotYetDelivered() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("retention"));
        RStream<String, String> stream = streamWith(keys, 10);
        Map<StreamMessageId, Map<String, String>> first = stream.readGroup(GroupNames.GROUP, "slow",
                StreamReadGroupArgs.neverDelivered().count(3));
        StreamMessageId oldestPending = first.keySet().iterator().next();
        new StreamTrimmer(REDIS.client(), stream, StreamRetention.parse("maxlen:2"), Clock.systemUTC()).run();
        assertEquals(10, stream.size(), "the first entry is pending: nothing before it can go");

        stream.ack(GroupNames.GROUP, oldestPending);
        new StreamTrimmer(REDIS.client(), stream, StreamRetention.parse("maxlen:2"), Clock.systemUTC()).run();
        assertEquals(9, stream.size(), "trimmed up to the next pending entry only");
        assertTrue(stream.getPendingInfo(GroupNames.GROUP).getTotal() == 2);

        stream.ack(GroupNames.GROUP, first.keySet().toArray(new StreamMessageId[0]));
        new StreamTrimmer(REDIS.client(), stream, StreamRetention.parse("age:0s"), Clock.systemUTC()).run();
        assertEquals(7, stream.size(), "the 7 entries not yet delivered to the group stay");
    }

    /**
     * Regression test of "retention can delete entries that were never processed": it read the pending summary,
     * then the group; a consumer's read in between made entries pending that the bound no longer protected.
     */
    @Test
    void retentionNeverTrimsAnEntryThatBecomesPendingWhileItDecides() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("retention-race"));
        RStream<String, String> stream = streamWith(keys, 2);
        StreamTrimmer retention = new StreamTrimmer(REDIS.client(), stream, StreamRetention.parse("maxlen:1"),
                Clock.systemUTC());
        AtomicBoolean racing = new AtomicBoolean(true);
        Thread trimmer = new Thread(() -> {
            while (racing.get()) {
                retention.run();
            }
        }, "retention-race-trimmer");
        trimmer.start();
        int lost = 0;
        try {
            // a consumer that holds one entry at a time: reads the oldest, and acknowledges it on its next round
            StreamMessageId held = null;
            for (int round = 0; round < 1_500; round++) {
                if (held != null) {
                    if (stream.range(StreamRangeArgs.startId(held).endId(held)).isEmpty()) {
                        lost++;
                    }
                    stream.ack(GroupNames.GROUP, held);
                }
                stream.add(StreamAddArgs.entries("type", "order.shipped", "payload", "{\"orderId\":\"r\"}",
                        "timestamp", "1764150000000"));
                held = stream.readGroup(GroupNames.GROUP, "racer", StreamReadGroupArgs.neverDelivered().count(1))
                        .keySet().iterator().next();
            }
        } finally {
            racing.set(false);
            trimmer.join(5_000);
        }
        assertEquals(0, lost, "entries trimmed while pending, before they were processed");
    }

    @Test
    void retentionSettingsAreValidated() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> StreamRetention.parse("100"));
        assertEquals("must be maxlen:N (entries to keep) or age:DURATION (such as age:7d), or empty",
                error.getMessage());
    }

    private static RStream<String, String> streamWith(RedlineKeys keys, int entries) {
        ConsumerGroup.ensure(REDIS.client(), keys);
        RStream<String, String> stream = REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING);
        for (int i = 0; i < entries; i++) {
            stream.add(StreamAddArgs.entries("type", "order.shipped", "payload", "{\"orderId\":\"h" + i + "\"}",
                    "timestamp", "1764150000000"));
        }
        return stream;
    }

    /** Consumers must really be idle for a while: real time, waited for with a bound. */
    private static void pause(Duration duration) {
        Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }
}
