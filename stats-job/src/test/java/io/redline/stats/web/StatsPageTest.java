package io.redline.stats.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.http.JettyServer;
import io.redline.core.json.Json;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.stats.dashboard.Dashboard;
import io.redline.stats.dashboard.DashboardReader;
import io.redline.stats.dashboard.DashboardStore;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page's endpoints over real HTTP, in process: {@code /api/history?since=}, its bad values, the files. */
class StatsPageTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    /** 40 snapshots, more than one page of the store's reads from the newest end; their times have nanoseconds. */
    private static final Instant FIRST = Instant.parse("2026-11-29T10:00:00.123456789Z");
    private static final int SNAPSHOTS = 40;

    private JettyServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void sinceAnswersOnlyTheSnapshotsGeneratedAfterThatMillisecondOldestFirst() throws Exception {
        String base = serve("since", SNAPSHOTS);
        long tenth = FIRST.plus(Duration.ofMinutes(10)).toEpochMilli();
        assertEquals(requestsOf(11, SNAPSHOTS), requests(HttpProbe.get(base + "/api/history?since=" + tenth)));
        assertEquals(requestsOf(11, SNAPSHOTS), requests(HttpProbe.get(base + "/api/history?since=" + (tenth + 59_999))));
        assertEquals(requestsOf(10, SNAPSHOTS), requests(HttpProbe.get(base + "/api/history?since=" + (tenth - 1))));
        assertEquals(requestsOf(0, SNAPSHOTS), requests(HttpProbe.get(base + "/api/history?since=0")));
    }

    @Test
    void theLastSnapshotsMillisecondAnswersAnEmptyArray() throws Exception {
        String base = serve("last", SNAPSHOTS);
        long last = FIRST.plus(Duration.ofMinutes(SNAPSHOTS - 1)).toEpochMilli();
        HttpResponse<String> answer = HttpProbe.get(base + "/api/history?since=" + last);
        assertEquals(200, answer.statusCode());
        assertEquals("[]", answer.body());
    }

    @Test
    void withoutSinceTheWholeHistoryIsAnswered() throws Exception {
        String base = serve("whole", SNAPSHOTS);
        assertEquals(requestsOf(0, SNAPSHOTS), requests(HttpProbe.get(base + "/api/history")));
        assertEquals(List.of(), requests(HttpProbe.get(serve("empty", 0) + "/api/history?since=0")));
    }

    @Test
    void aSinceThatIsNotAWholeNumberOfMillisecondsAnswers400WithAJsonErrorThatEchoesIt() throws Exception {
        String base = serve("bad", 3);
        String rule = "since must be a time in milliseconds since the epoch (a whole number, 0 or more), but was ";
        assertBadRequest(rule + "\"yesterday\"", HttpProbe.get(base + "/api/history?since=yesterday"));
        assertBadRequest(rule + "\"-5\"", HttpProbe.get(base + "/api/history?since=-5"));
        assertBadRequest(rule + "\"\"", HttpProbe.get(base + "/api/history?since="));
        assertBadRequest(rule + "\"1.5\"", HttpProbe.get(base + "/api/history?since=1.5"));
        assertBadRequest(rule + "\"99999999999999999999\"",
                HttpProbe.get(base + "/api/history?since=99999999999999999999"));
        assertBadRequest("since must be given once, but was given 2 times: [1, 2]",
                HttpProbe.get(base + "/api/history?since=1&since=2"));
    }

    @Test
    void uPlotIsServedFromTheJarBesideThePage() throws Exception {
        String base = serve("files", 0);
        HttpResponse<String> script = HttpProbe.get(base + "/uplot/uPlot.iife.min.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElse(""));
        assertTrue(script.body().contains("uPlot"), "uPlot's script");
        HttpResponse<String> style = HttpProbe.get(base + "/uplot/uPlot.min.css");
        assertEquals("text/css; charset=utf-8", style.headers().firstValue("Content-Type").orElse(""));
        assertTrue(style.body().contains(".uplot"), style.body());
        String page = HttpProbe.get(base + "/").body();
        for (String file : List.of("/uplot/uPlot.iife.min.js", "/uplot/uPlot.min.css", "/rates.js", "/app.js")) {
            assertTrue(page.contains("\"" + file + "\""), file);
            assertEquals(200, HttpProbe.get(base + file).statusCode(), file);
        }
        assertEquals(404, HttpProbe.get(base + "/uplot/LICENSE").statusCode());
    }

    private static void assertBadRequest(String message, HttpResponse<String> answer) throws Exception {
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals(message, Json.mapper().readTree(answer.body()).get("error").asText());
    }

    /** Serves a history of {@code count} snapshots a minute apart, whose requests count 0, 1, 2, ... */
    private String serve(String namespace, int count) throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace(namespace));
        DashboardStore store = new DashboardStore(REDIS.client(), keys);
        for (int i = 0; i < count; i++) {
            store.save(new Dashboard(i, BigDecimal.ZERO, List.of(), List.of(), 0, i, 0, 0,
                    FIRST.plus(Duration.ofMinutes(i)).toString()));
        }
        server = new JettyServer("test-http", 0, 8, new StatsPage(store,
                new DashboardReader(REDIS.client(), keys, Clock.systemUTC())),
                // a loaded machine may take more than a second to close the client's kept-alive connections
                Duration.ofSeconds(10));
        server.start();
        return "http://127.0.0.1:" + server.port();
    }

    private static List<Long> requests(HttpResponse<String> answer) throws Exception {
        assertEquals(200, answer.statusCode(), answer.body());
        List<Long> requests = new ArrayList<>();
        for (JsonNode snapshot : Json.mapper().readTree(answer.body())) {
            requests.add(snapshot.get("requests").asLong());
        }
        return requests;
    }

    private static List<Long> requestsOf(int from, int to) {
        List<Long> requests = new ArrayList<>();
        for (long i = from; i < to; i++) {
            requests.add(i);
        }
        return requests;
    }
}
