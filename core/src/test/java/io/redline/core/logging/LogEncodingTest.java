package io.redline.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a log line looks like in each {@code LOG_FORMAT}. */
class LogEncodingTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:15:30.123Z");
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("io.redline.events.consumer.EntryProcessor");

    @Test
    void jsonLinesHaveTheFieldsLogPipelinesExpectWithTheMdcFlat() throws Exception {
        LoggingEvent event = event("stored {} effects", new Object[] {3}, null,
                Map.of("event_id", "1700000000000-0", "event_type", "order.paid"));
        JsonNode line = json(event);
        List<String> names = fieldNames(line);
        assertEquals(List.of("@timestamp", "level", "logger", "thread", "message"), names.subList(0, 5));
        assertEquals(Set.of("event_id", "event_type"), Set.copyOf(names.subList(5, names.size())));
        assertEquals("2026-11-29T10:15:30.123Z", line.get("@timestamp").asText());
        assertEquals("INFO", line.get("level").asText());
        assertEquals("io.redline.events.consumer.EntryProcessor", line.get("logger").asText());
        assertEquals("worker-1", line.get("thread").asText());
        assertEquals("stored 3 effects", line.get("message").asText());
        assertEquals("1700000000000-0", line.get("event_id").asText());
        assertEquals("order.paid", line.get("event_type").asText());
        assertFalse(line.has("stack_trace"));
    }

    @Test
    void jsonLinesCarryTheStackTraceAsOneField() throws Exception {
        JsonNode line = json(event("handler failed", null, new IllegalStateException("no orderId"), Map.of()));
        String trace = line.get("stack_trace").asText();
        assertTrue(trace.startsWith("java.lang.IllegalStateException: no orderId"), trace);
        assertTrue(trace.contains("at io.redline.core.logging.LogEncodingTest"), trace);
    }

    @Test
    void anMdcEntryNamedLikeAStandardFieldDoesNotDuplicateIt() throws Exception {
        byte[] bytes = encoder(LogFormat.JSON).encode(event("hello", null, null, Map.of("message", "spoof")));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(1, text.split("\"message\"", -1).length - 1, text);
        assertTrue(text.endsWith("}\n"), text);
    }

    @Test
    void textLinesShowTheMdcOnlyWhenThereIsOne() {
        assertEquals("2026-11-29T10:15:30.123Z INFO  [worker-1] i.r.events.consumer.EntryProcessor - plain\n",
                text(event("plain", null, null, Map.of())));
        assertEquals("2026-11-29T10:15:30.123Z INFO  [worker-1] i.r.events.consumer.EntryProcessor [event_id=1-0]"
                + " - with an id\n", text(event("with an id", null, null, Map.of("event_id", "1-0"))));
    }

    private LoggingEvent event(String message, Object[] args, Throwable thrown, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent("test", logger, Level.INFO, message, thrown, args);
        event.setTimeStamp(AT.toEpochMilli());
        event.setThreadName("worker-1");
        event.setMDCPropertyMap(mdc);
        return event;
    }

    private JsonNode json(LoggingEvent event) throws Exception {
        String text = new String(encoder(LogFormat.JSON).encode(event), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, "one line: " + text);
        return new ObjectMapper().readTree(text);
    }

    private String text(LoggingEvent event) {
        return new String(encoder(LogFormat.TEXT).encode(event), StandardCharsets.UTF_8);
    }

    private Encoder<ILoggingEvent> encoder(LogFormat format) {
        return RedlineLogbackConfigurator.encoder(context, format);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
