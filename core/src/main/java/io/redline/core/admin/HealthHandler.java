package io.redline.core.admin;

import com.codahale.metrics.health.HealthCheck;
import io.redline.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * {@code {"status":"UP","checks":{"redis":{"healthy":true,"message":"...","durationMs":1}}}}, with 200 when every
 * check passes and 503 otherwise.
 */
final class HealthHandler extends GetOnlyHandler {

    private final Supplier<SortedMap<String, HealthCheck.Result>> checks;

    HealthHandler(Supplier<SortedMap<String, HealthCheck.Result>> checks) {
        this.checks = checks;
    }

    @Override
    protected Answer answer() {
        SortedMap<String, HealthCheck.Result> results = checks.get();
        boolean healthy = results.values().stream().allMatch(HealthCheck.Result::isHealthy);
        Map<String, Object> entries = new LinkedHashMap<>();
        results.forEach((name, result) -> entries.put(name, entry(result)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "UP" : "DOWN");
        body.put("checks", entries);
        return Answer.text(healthy ? 200 : 503, "application/json", Json.write(body));
    }

    private static Map<String, Object> entry(HealthCheck.Result result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("healthy", result.isHealthy());
        String message = result.getMessage();
        if (message == null && result.getError() != null) {
            message = result.getError().toString();
        }
        entry.put("message", message);
        entry.put("durationMs", result.getDuration());
        return entry;
    }
}
