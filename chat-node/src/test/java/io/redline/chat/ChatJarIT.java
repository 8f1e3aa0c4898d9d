package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.DocumentedFamilies;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.PrometheusTextRules;
import io.redline.testkit.Promtool;
import io.redline.testkit.RedisExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shaded jar as an operator runs it: {@code java -jar redline-chat-node.jar [bench]}. */
class ChatJarIT {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final Path JAR = Path.of("target", "redline-chat-node.jar");

    @Test
    void theJarServesThePageAndTheSocketExportsCheckedMetricsAndStopsCleanlyOnSigterm() throws Exception {
        int http = FreePorts.find();
        int admin = FreePorts.find();
        try (ChildJvm node = ChildJvm.startJar(JAR, Map.of("REDIS_URL", REDIS.redis().url(), "HTTP_PORT",
                String.valueOf(http), "ADMIN_PORT", String.valueOf(admin)))) {
            Awaits.await().until(() -> HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200);
            HttpResponse<String> page = HttpProbe.get("http://127.0.0.1:" + http + "/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>Redline chat</title>"));
            assertEquals(200, HttpProbe.status("http://127.0.0.1:" + http + "/app.js"));
            try (TestChatClient client = TestChatClient.connect("ws://127.0.0.1:" + http + "/ws?user=jar&name=Jar")) {
                client.join("jar");
                client.send(Map.of("type", "send", "room", "jar", "content", "from the jar"));
                assertEquals("from the jar", client.next("message", Duration.ofSeconds(10)).get("message")
                        .get("content").asText());
            }
            String metricsUrl = "http://127.0.0.1:" + admin + "/metrics";
            // the fan-out is counted right after the hand-over to the sockets, so it may trail the delivery a little
            Awaits.await().until(() -> PrometheusTextRules.check(HttpProbe.get(metricsUrl).body())
                    .value("redline_chat_fanout_delay_seconds_count") == 1.0);
            String exported = HttpProbe.get(metricsUrl).body();
            PrometheusTextRules.Exposition metrics = PrometheusTextRules.check(exported);
            assertEquals(1.0, metrics.value("redline_chat_messages_received_total"));
            Promtool.checkMetrics(exported);
            DocumentedFamilies.assertExported(DocumentedFamilies.read(Path.of("..", "docs", "chat-node.md"),
                    Path.of("..", "docs", "configuration.md")), metrics, "redline_");
            node.terminate();
            assertEquals(0, node.waitFor(Duration.ofSeconds(30)), node.stderr());
        }
    }

    @Test
    void theBenchPrintsDeliveryAndRawPublishFigures() throws Exception {
        try (ChildJvm bench = ChildJvm.startJar(JAR, Map.of("REDIS_URL", REDIS.redis().url()), "bench",
                "--clients", "6", "--rate", "50", "--seconds", "1", "--warmup", "1", "--concurrency", "4", "--json")) {
            assertEquals(0, bench.waitFor(Duration.ofSeconds(120)), bench.stderr());
            List<JsonNode> lines = new ArrayList<>();
            for (String line : bench.stdout().lines().collect(Collectors.toList())) {
                lines.add(Json.mapper().readTree(line));
            }
            assertEquals(List.of("chat.cross-node-delivery", "redis.raw-publish", "summary"), lines.stream()
                    .map(l -> l.get("scenario").asText()).collect(Collectors.toList()));
            assertTrue(lines.get(0).get("opsPerSec").asDouble() > 100, lines.get(0).toString());
            assertTrue(lines.get(1).get("opsPerSec").asDouble() > 0, lines.get(1).toString());
        }
    }
}
