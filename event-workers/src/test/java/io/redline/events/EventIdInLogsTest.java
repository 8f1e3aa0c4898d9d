package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.events.consumer.EntryProcessor;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.slf4j.LoggerFactory;

/** Every line logged while an entry is handled carries its id in the MDC ({@code event_id}). */
class EventIdInLogsTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final org.slf4j.Logger HANDLER_LOG = LoggerFactory.getLogger("test.handler");

    @Test
    void theHandlersLinesAndTheFailureLineCarryTheEntryId() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("mdc"));
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger processor = (Logger) LoggerFactory.getLogger(EntryProcessor.class);
        Logger handler = (Logger) LoggerFactory.getLogger("test.handler");
        processor.addAppender(lines);
        handler.addAppender(lines);
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of(), (event, batch) -> {
            HANDLER_LOG.info("handling {}", event.orderId());
            throw new IllegalStateException("refused " + event.orderId());
        })) {
            StreamMessageId id = REDIS.client().<String, String>getStream(keys.eventStream(), RedisCodecs.STRING)
                    .add(StreamAddArgs.entries("type", "order.paid", "payload", "{\"orderId\":\"m-1\",\"amount\":3}",
                            "timestamp", "1764150000000"));
            Awaits.await().until(() -> line(lines, "Entry " + id + " failed").isPresent());
            assertEquals(id.toString(), line(lines, "handling m-1").orElseThrow().getMDCPropertyMap().get("event_id"));
            assertEquals(id.toString(), line(lines, "Entry " + id + " failed").orElseThrow().getMDCPropertyMap()
                    .get("event_id"));
        } finally {
            processor.detachAppender(lines);
            handler.detachAppender(lines);
        }
    }

    private static Optional<ILoggingEvent> line(ListAppender<ILoggingEvent> appender, String start) {
        synchronized (appender) {
            List<ILoggingEvent> copy = List.copyOf(appender.list);
            return copy.stream().filter(event -> event.getFormattedMessage().startsWith(start)).findFirst();
        }
    }
}
