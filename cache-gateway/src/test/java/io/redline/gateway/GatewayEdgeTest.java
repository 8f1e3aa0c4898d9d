package io.redline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.gateway.metrics.MetricNames;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's HTTP port against slow and hostile clients: deadlines, sizes and connection limits. */
class GatewayEdgeTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @RegisterExtension
    static final GatewayPerTest GATEWAYS = new GatewayPerTest(REDIS, "edge");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningGateway gateway;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void slowlorisClientsGet408AfterTheHeaderDeadlineWhileOtherClientsAreServedPromptly() throws Exception {
        start(Map.of("HTTP_HEADER_TIMEOUT", "1s", "RATE_LIMIT", "off"));
        assertEquals(200, get("/hello-warm").statusCode(), "warm: the first request loads classes and scripts");
        int slow = 60;
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        ExecutorService readers = Executors.newFixedThreadPool(slow);
        try {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < slow; i++) {
                Socket socket = connect();
                socket.getOutputStream().write("GET /hello-slow HTTP/1.1\r\nHost: x\r\nX-Slow: "
                        .getBytes(StandardCharsets.US_ASCII));
                answers.add(CompletableFuture.supplyAsync(() -> readAll(socket), readers));
            }
            long started = System.nanoTime();
            // one more header byte per client every 250 ms: never idle, never done
            trickle.scheduleAtFixedRate(() -> sockets.forEach(GatewayEdgeTest::writeOneByte), 0, 250,
                    TimeUnit.MILLISECONDS);
            for (int i = 0; i < 5; i++) {
                long before = System.nanoTime();
                HttpResponse<String> normal = get("/hello-normal-" + i);
                assertEquals(200, normal.statusCode());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
                assertTrue(millis < 1_000, "a normal client waited " + millis + " ms");
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            long cutOff = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(cutOff < 3_000, "the slow clients were cut off after " + cutOff + " ms");
            for (CompletableFuture<String> answer : answers) {
                assertTrue(answer.get().startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer.get());
            }
            assertEquals(0, GATEWAYS.origin().calls("/hello-slow"));
        } finally {
            trickle.shutdownNow();
            readers.shutdownNow();
        }
    }

    @Test
    void requestHeadersOverTheLimitGet431() throws Exception {
        start(Map.of());
        RawHttp.Reply reply = RawHttp.get(gateway.port(), "/hello-431", "X-Big: " + "a".repeat(20_000));
        assertEquals(431, reply.status());
        assertEquals(0, GATEWAYS.origin().calls("/hello-431"));
        assertEquals(200, get("/hello-431").statusCode(), "the gateway serves on");
    }

    @Test
    void aRequestBodyOverHttpMaxBodyBytesGets413AndNeverReachesTheOrigin() throws Exception {
        start(Map.of("HTTP_MAX_BODY_BYTES", "1024"));
        HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/echo-413")))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1025))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode());
        assertEquals(0, GATEWAYS.origin().calls("/echo-413"));
        HttpResponse<String> fits = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/echo-413")))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fits.statusCode());
        assertTrue(fits.body().contains("\"body\":\"" + "x".repeat(1024) + "\""), fits.body());
    }

    @Test
    void connectionsBeyondHttpMaxConnectionsWaitUntilOneCloses() throws Exception {
        start(Map.of("HTTP_MAX_CONNECTIONS", "3", "HTTP_HEADER_TIMEOUT", "20s"));
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(connect());
        }
        // the connections are accepted before the limit is reached: make sure they all are
        Awaits.await(Duration.ofSeconds(5)).until(() -> {
            try (Socket probe = new Socket("127.0.0.1", gateway.port())) {
                return true;
            }
        });
        CompletableFuture<HttpResponse<String>> waiting = HTTP.sendAsync(HttpRequest.newBuilder(
                URI.create(gateway.url("/hello-limit"))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Awaits.await(Duration.ofSeconds(3)).during(Duration.ofMillis(700)).until(() -> !waiting.isDone());
        held.get(0).close();
        assertEquals(200, waiting.get(5, TimeUnit.SECONDS).statusCode());
        assertFalse(held.get(1).isClosed());
    }

    @Test
    void requestsBeyondHttpMaxInFlightAndItsQueueGet503WithRetryAfterWhileThoseInFlightAreServed() throws Exception {
        start(Map.of("HTTP_MAX_IN_FLIGHT", "2", "RATE_LIMIT", "off"));
        // two slow requests (2 s at the origin) take both slots
        List<CompletableFuture<HttpResponse<String>>> inFlight = List.of(getAsync("/slow-shed-1"),
                getAsync("/slow-shed-2"));
        Awaits.await(Duration.ofSeconds(5)).until(() -> GATEWAYS.origin().calls("/slow-shed-1") == 1
                && GATEWAYS.origin().calls("/slow-shed-2") == 1);
        // two wait in the queue for 1 s and are shed; four find the queue full and are shed at once
        List<CompletableFuture<HttpResponse<String>>> beyond = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            beyond.add(getAsync("/hello-shed-" + i));
        }
        for (CompletableFuture<HttpResponse<String>> answer : beyond) {
            HttpResponse<String> shed = answer.get(10, TimeUnit.SECONDS);
            assertEquals(503, shed.statusCode(), shed.body());
            assertEquals("{\"error\":\"Service Unavailable\"}", shed.body());
            assertEquals("1", shed.headers().firstValue("Retry-After").orElse(null));
            assertEquals("application/json", shed.headers().firstValue("Content-Type").orElse(null));
        }
        for (CompletableFuture<HttpResponse<String>> answer : inFlight) {
            HttpResponse<String> served = answer.get(10, TimeUnit.SECONDS);
            assertEquals(200, served.statusCode());
            assertTrue(served.body().startsWith("slow "), served.body());
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(0, GATEWAYS.origin().calls("/hello-shed-" + i), "a shed request never reaches the origin");
        }
        assertEquals(6, gateway.runtime().metrics().meter(MetricNames.REQUESTS.seriesName("shed")).getCount());
        assertEquals(200, get("/hello-shed-after").statusCode(), "slots free again once the answers are sent");
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", gateway.port());
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    private static void writeOneByte(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write('a');
            out.flush();
        } catch (IOException e) {
            // the gateway closed it: what the test waits for
        }
    }

    /** Everything the server sent until it closed; what a reset connection had sent before. */
    private static String readAll(Socket socket) {
        StringBuilder text = new StringBuilder();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            text.append("<").append(e.getMessage()).append(">");
        }
        return text.toString();
    }

    private void start(Map<String, String> variables) throws Exception {
        gateway = GATEWAYS.start(variables);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
