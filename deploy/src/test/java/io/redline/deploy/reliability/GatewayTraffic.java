package io.redline.deploy.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Browsing through the gateways: catalog pages, each request from its own made-up client address (the runner
 * trusts loopback's X-Forwarded-For), so that the limiter never refuses the scenario's own traffic. Counts the
 * answers by status and by X-Cache.
 */
final class GatewayTraffic {

    private static final List<String> PATHS = List.of("/products", "/categories", "/categories/mice",
            "/products/mse-01", "/search?q=mouse");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> answers = new TreeMap<>();
    private int sent;
    private long slowestNanos;

    /** {@code count} GETs dealt round the gateways' ports and the paths. */
    void browse(List<Integer> gatewayPorts, int count) throws InterruptedException {
        for (int i = 0; i < count; i++, sent++) {
            int port = gatewayPorts.get(i % gatewayPorts.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + PATHS.get(i % PATHS.size())))
                    .header("X-Forwarded-For", "10.9." + (sent / 250 % 250) + "." + (sent % 250 + 1))
                    .timeout(Duration.ofSeconds(15)).GET().build();
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                answers.merge(response.statusCode() + " " + response.headers().firstValue("X-Cache").orElse("-"),
                        1, Integer::sum);
            } catch (IOException e) {
                answers.merge("no answer: " + e.getClass().getSimpleName(), 1, Integer::sum);
            }
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        }
    }

    /** e.g. {@code {"200 HIT"=180, "200 MISS"=20}}. */
    Map<String, Integer> answers() {
        return Map.copyOf(answers);
    }

    long count(String statusPrefix) {
        return answers.entrySet().stream().filter(e -> e.getKey().startsWith(statusPrefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The longest a request of this traffic waited for its answer since the last reset. */
    Duration slowest() {
        return Duration.ofNanos(slowestNanos);
    }

    void reset() {
        answers.clear();
        slowestNanos = 0;
    }
}
