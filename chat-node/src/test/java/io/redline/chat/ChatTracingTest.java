package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.redline.core.json.Json;
import io.redline.testkit.Awaits;
import io.redline.testkit.RecordedSpans;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A message carries its send span's traceparent, and the nodes that fan it out continue that trace. */
class ChatTracingTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void theFanOutSpanOnAnotherNodeIsAChildOfTheAcceptingNodesSendSpan() throws Exception {
        try (RecordedSpans spans = new RecordedSpans();
             RunningChatNode accepting = new RunningChatNode(REDIS.settings(), Map.of(), spans.tracing());
             RunningChatNode delivering = new RunningChatNode(REDIS.settings(), Map.of(), spans.tracing());
             TestChatClient reader = TestChatClient.connect(delivering.ws("rita", "Rita"))) {
            reader.join("traced");
            HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(accepting.http("/rooms/traced/messages")))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"userId\":\"sam\",\"userName\":\"Sam\",\"content\":\"hello\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, sent.statusCode(), sent.body());

            SpanData send = await(spans, span -> span.getKind() == SpanKind.PRODUCER);
            SpanData fanOut = await(spans, span -> span.getKind() == SpanKind.CONSUMER);
            assertEquals("chat send", send.getName());
            assertEquals("chat fan-out", fanOut.getName());
            assertEquals(send.getTraceId(), fanOut.getTraceId());
            assertEquals(send.getSpanId(), fanOut.getParentSpanId());
            String id = Json.mapper().readTree(sent.body()).get("id").asText();
            assertEquals(id, fanOut.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
            assertEquals(1L, fanOut.getAttributes().get(AttributeKey.longKey("redline.chat.local_receivers")));

            Awaits.await().until(() -> !reader.messages().isEmpty());
            JsonNode delivered = reader.messages().get(0);
            assertTrue(delivered.get("traceparent").asText().startsWith("00-" + send.getTraceId() + "-"
                    + send.getSpanId() + "-"), delivered.toString());
        }
    }

    private static SpanData await(RecordedSpans spans, Predicate<SpanData> matching) {
        return Awaits.await().until(() -> spans.find(matching), Optional::isPresent).orElseThrow();
    }
}
