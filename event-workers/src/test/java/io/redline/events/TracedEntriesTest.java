package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.events.consumer.WorkerEvents;
import io.redline.events.event.EventFields;
import io.redline.events.simulate.Producer;
import io.redline.events.simulate.SimulatedEvent;
import io.redline.testkit.Awaits;
import io.redline.testkit.RecordedSpans;
import io.redline.testkit.RedisExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamRangeArgs;

/** The optional {@code traceparent} field of a stream entry, and the worker's span per entry. */
class TracedEntriesTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PRODUCER_SPAN = "00f067aa0ba902b7";

    @Test
    void anEntrysTraceparentIsTheParentOfTheWorkersSpan() throws Exception {
        RedlineKeys keys = keys("tp-good");
        try (RecordedSpans spans = new RecordedSpans(); RunningWorkers workers = workers(keys, spans)) {
            StreamMessageId id = add(keys, "t-1", "00-" + TRACE + "-" + PRODUCER_SPAN + "-01");

            SpanData span = spanOf(spans, id);
            assertEquals(TRACE, span.getTraceId());
            assertEquals(PRODUCER_SPAN, span.getParentSpanId());
            assertEquals(SpanKind.CONSUMER, span.getKind());
            assertEquals("process " + keys.eventStream(), span.getName());
            assertEquals("stored", attribute(span, "redline.outcome"));
            assertEquals("order.paid", attribute(span, "redline.event.type"));
            assertEquals("t-1", attribute(span, "redline.order.id"));
            assertEquals("order-processors", attribute(span, "messaging.consumer.group.name"));
        }
    }

    @Test
    void aMalformedTraceparentIsIgnoredAndTheEntryIsStillApplied() throws Exception {
        RedlineKeys keys = keys("tp-bad");
        try (RecordedSpans spans = new RecordedSpans(); RunningWorkers workers = workers(keys, spans)) {
            StreamMessageId id = add(keys, "t-2", "00-not-a-trace-context");

            SpanData span = spanOf(spans, id);
            assertFalse(span.getParentSpanContext().isValid(), "a trace of its own");
            assertEquals("stored", attribute(span, "redline.outcome"));
            assertEquals(0, REDIS.client().getStream(keys.eventDeadLetters(), RedisCodecs.STRING).size());
            assertTrue(REDIS.client().getMap(keys.orderProjection("t-2"), RedisCodecs.STRING).isExists());
        }
    }

    @Test
    void anEntryWithoutTraceparentGetsARootSpan() throws Exception {
        RedlineKeys keys = keys("tp-none");
        try (RecordedSpans spans = new RecordedSpans(); RunningWorkers workers = workers(keys, spans)) {
            StreamMessageId id = add(keys, "t-3", null);

            SpanData span = spanOf(spans, id);
            assertFalse(span.getParentSpanContext().isValid());
            assertEquals("stored", attribute(span, "redline.outcome"));
        }
    }

    @Test
    void aPoisonEntrysSpanEndsAsADeadLetterWithTheReason() throws Exception {
        RedlineKeys keys = keys("tp-poison");
        try (RecordedSpans spans = new RecordedSpans(); RunningWorkers workers = workers(keys, spans)) {
            StreamMessageId id = REDIS.client().<String, String>getStream(keys.eventStream(), RedisCodecs.STRING)
                    .add(StreamAddArgs.entries("type", "order.lost", "payload", "{}", "timestamp", "1",
                            "traceparent", "00-" + TRACE + "-" + PRODUCER_SPAN + "-01"));

            SpanData span = spanOf(spans, id);
            assertEquals(TRACE, span.getTraceId());
            assertEquals("dead_letter", attribute(span, "redline.outcome"));
            assertTrue(span.getStatus().getDescription().startsWith("unknown type \"order.lost\""),
                    span.getStatus().getDescription());
        }
    }

    @Test
    void theProducerStampsEveryEntryWithTheCurrentSpansTraceparent() throws Exception {
        RedlineKeys keys = keys("tp-producer");
        try (RecordedSpans spans = new RecordedSpans()) {
            Span producer = spans.tracing().tracer().spanBuilder("simulate").startSpan();
            try (Scope scope = producer.makeCurrent()) {
                new Producer(REDIS.client(), keys).write(List.of(
                        new SimulatedEvent("order.paid", "{\"orderId\":\"p-1\",\"amount\":1}", 1L),
                        new SimulatedEvent("order.paid", "{\"orderId\":\"p-2\",\"amount\":1}", 2L)), 0);
            } finally {
                producer.end();
            }
            RStream<String, String> stream = REDIS.client().getStream(keys.eventStream(), RedisCodecs.STRING);
            Map<StreamMessageId, Map<String, String>> entries = stream.range(StreamRangeArgs.startId(
                    StreamMessageId.MIN).endId(StreamMessageId.MAX));
            assertEquals(2, entries.size());
            String expected = "00-" + producer.getSpanContext().getTraceId() + "-"
                    + producer.getSpanContext().getSpanId() + "-";
            entries.values().forEach(fields -> assertTrue(fields.get(EventFields.TRACEPARENT).startsWith(expected),
                    fields.toString()));
        }
    }

    @Test
    void withoutACurrentSpanTheProducerWritesNoTraceparent() throws Exception {
        RedlineKeys keys = keys("tp-producer-none");
        new Producer(REDIS.client(), keys).write(List.of(
                new SimulatedEvent("order.paid", "{\"orderId\":\"q-1\",\"amount\":1}", 1L)), 0);
        Map<StreamMessageId, Map<String, String>> entries = REDIS.client()
                .<String, String>getStream(keys.eventStream(), RedisCodecs.STRING)
                .range(StreamRangeArgs.startId(StreamMessageId.MIN).endId(StreamMessageId.MAX));
        assertEquals(List.of("type", "payload", "timestamp"), List.copyOf(entries.values().iterator().next()
                .keySet()));
    }

    private static RedlineKeys keys(String namespace) {
        return new RedlineKeys(new KeyNamespace(namespace));
    }

    private static RunningWorkers workers(RedlineKeys keys, RecordedSpans spans) throws Exception {
        return new RunningWorkers(REDIS.settings(), keys, "pod", Map.of(), null, WorkerEvents.NONE, spans.tracing());
    }

    private static StreamMessageId add(RedlineKeys keys, String orderId, String traceparent) {
        Map<String, String> fields = new LinkedHashMap<>(EventFields.of("order.paid",
                "{\"orderId\":\"" + orderId + "\",\"amount\":12.5}", "1764150000000"));
        if (traceparent != null) {
            fields.put(EventFields.TRACEPARENT, traceparent);
        }
        return REDIS.client().<String, String>getStream(keys.eventStream(), RedisCodecs.STRING)
                .add(StreamAddArgs.entries(fields));
    }

    private static SpanData spanOf(RecordedSpans spans, StreamMessageId id) {
        Optional<SpanData> found = Awaits.await().until(() -> spans.find(span -> id.toString().equals(
                span.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))), Optional::isPresent);
        return found.orElseThrow();
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
