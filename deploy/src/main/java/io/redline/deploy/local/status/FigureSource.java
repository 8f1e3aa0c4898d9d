package io.redline.deploy.local.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.core.keys.RedlineKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.redisson.api.RedissonClient;

/** Reads the {@link Figures}: each process's {@code /metrics}, and the stored dashboard. */
final class FigureSource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final AdminPorts ports;
    private final LongSupplier up;
    private final RedissonClient redis;
    private final RedlineKeys keys;
    private final Clock clock;

    FigureSource(AdminPorts ports, LongSupplier up, RedissonClient redis, RedlineKeys keys, Clock clock) {
        this.ports = ports;
        this.up = up;
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    Figures read() {
        List<MetricSamples> gateways = scrape(ports.gateways());
        List<MetricSamples> chat = scrape(ports.chatNodes());
        List<MetricSamples> workers = scrape(ports.workers());
        double pending = workers.stream().mapToDouble(samples -> samples.sum(WatchedMetrics.EVENTS_PENDING))
                .max().orElse(0);
        return new Figures(clock.instant(), up.getAsLong(), ports.processes(),
                total(gateways, samples -> samples.sum(WatchedMetrics.GATEWAY_REQUESTS)),
                outcomes(gateways, WatchedMetrics.GATEWAY_HITS),
                outcomes(gateways, WatchedMetrics.GATEWAY_LOOKUPS),
                outcomes(gateways, WatchedMetrics.GATEWAY_DENIED),
                total(chat, samples -> samples.sum(WatchedMetrics.CHAT_MESSAGES_IN)),
                total(workers, samples -> samples.sum(WatchedMetrics.EVENTS_PROCESSED)),
                pending, lastDashboard());
    }

    private static double total(List<MetricSamples> pages, ToDoubleFunction<MetricSamples> figure) {
        return pages.stream().mapToDouble(figure).sum();
    }

    private static double outcomes(List<MetricSamples> gateways, Set<String> outcomes) {
        return total(gateways, samples -> samples.sum(WatchedMetrics.GATEWAY_REQUESTS, WatchedMetrics.OUTCOME,
                outcomes));
    }

    private static List<MetricSamples> scrape(List<Integer> adminPorts) {
        return adminPorts.stream().map(FigureSource::scrape).toList();
    }

    /** A process that does not answer counts as no samples: the "up" figure tells that story. */
    private static MetricSamples scrape(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return MetricSamples.parse(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return MetricSamples.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MetricSamples.NONE;
        }
    }

    private Instant lastDashboard() {
        try {
            String latest = redis.<String>getBucket(keys.dashboardLatest()).get();
            if (latest == null) {
                return null;
            }
            JsonNode generatedAt = Json.mapper().readTree(latest).get("generatedAt");
            return generatedAt == null ? null : Instant.parse(generatedAt.asText());
        } catch (RuntimeException | IOException e) {
            // Redis away or an unreadable value: the line says "not run yet" rather than failing
            return null;
        }
    }
}
