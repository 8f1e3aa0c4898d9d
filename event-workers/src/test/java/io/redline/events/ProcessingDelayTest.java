package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.codahale.metrics.MetricRegistry;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.metrics.PrometheusText;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.EntryProcessor;
import io.redline.events.consumer.GroupNames;
import io.redline.events.deadletter.DeadLetters;
import io.redline.events.effects.OrderEffects;
import io.redline.events.metrics.WorkerMetrics;
import io.redline.testkit.PrometheusTextRules;
import io.redline.testkit.RedisExtension;
import io.redline.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;

/**
 * {@code redline_events_processing_seconds}: the time from a batch's read to its {@code XACK}, observed for each of
 * its events, beside the end-to-end age that also counts the time the event waited in the stream.
 */
class ProcessingDelayTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final Instant READ = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void eachEventOfABatchIsObservedWithTheBatchsTimeFromReadToAcknowledgement() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("processing"));
        ConsumerGroup.ensure(REDIS.client(), keys);
        RStream<String, String> stream = REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING);
        // written 5 s before the read: that wait counts in the age, not in the processing delay
        String written = String.valueOf(READ.minusSeconds(5).toEpochMilli());
        stream.add(StreamAddArgs.entries(Map.of("type", "order.created", "timestamp", written, "payload",
                "{\"orderId\":\"d-1\",\"items\":[{\"sku\":\"kbd-01\",\"qty\":1,\"price\":49.9}],\"total\":49.9}")));
        stream.add(StreamAddArgs.entries(Map.of("type", "order.paid", "timestamp", written, "payload",
                "{\"orderId\":\"d-1\",\"amount\":49.9}")));
        Map<StreamMessageId, Map<String, String>> batch = stream.readGroup(GroupNames.GROUP, "c-1",
                StreamReadGroupArgs.neverDelivered().count(10));
        assertEquals(2, batch.size());

        TestClock clock = new TestClock(READ);
        OrderEffects effects = new OrderEffects();
        MetricRegistry registry = new MetricRegistry();
        EntryProcessor processor = new EntryProcessor(REDIS.client(), keys, (event, entry) -> {
            clock.advance(Duration.ofMillis(40)); // each event takes the handler 40 ms
            effects.apply(event, entry);
        }, new DeadLetters(REDIS.client(), keys, 100, clock), new WorkerMetrics(registry), clock);
        assertEquals(2, processor.process(batch, "c-1", Map.of()));

        PrometheusTextRules.Exposition metrics = PrometheusTextRules.check(
                new String(new PrometheusText(registry).scrape(), StandardCharsets.UTF_8));
        for (String type : new String[] {"order.created", "order.paid"}) {
            String labels = "{type=\"" + type + "\"}";
            assertEquals(1, metrics.value("redline_events_processing_seconds_count" + labels), type);
            assertEquals(0.08, metrics.value("redline_events_processing_seconds_sum" + labels), 1e-9, type);
            assertEquals(5.08, metrics.value("redline_events_age_seconds_sum" + labels), 1e-9, type);
        }
        assertEquals(0, metrics.value("redline_events_processing_seconds_count{type=\"order.shipped\"}"));
    }
}
