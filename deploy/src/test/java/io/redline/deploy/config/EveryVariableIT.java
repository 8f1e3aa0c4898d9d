package io.redline.deploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.deploy.k8s.ProcessJars;
import io.redline.testkit.ChildJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variable of every process, given a bad value: the process exits 2 and names each one, all at once. The
 * variables come from each command's own {@code --help} (read off the code that reads them), so a variable added
 * without a row in {@link #BAD} fails this test until it gets one.
 */
class EveryVariableIT {

    /** A value each variable refuses; {@code null} where every value is allowed (names, secrets). */
    private static final Map<String, String> BAD = new HashMap<>();

    static {
        BAD.put("REDIS_MODE", "nope");
        BAD.put("REDIS_URL", "http://redis:6379");
        BAD.put("REDIS_SENTINEL_MASTER", null);
        BAD.put("REDIS_USERNAME", null);
        BAD.put("REDIS_PASSWORD", null);
        BAD.put("REDIS_PASSWORD_FILE", "/nonexistent/redis-password");
        BAD.put("REDIS_TLS_CA", "/nonexistent/ca.pem");
        BAD.put("REDIS_TLS_CERT", "/nonexistent/client.pem");
        BAD.put("REDIS_TLS_KEY", "/nonexistent/client.key");
        BAD.put("REDIS_TLS_VERIFY", "none");
        BAD.put("REDLINE_NAMESPACE", "bad ns!");
        BAD.put("ADMIN_PORT", "70000");
        BAD.put("LOG_FORMAT", "xml");
        BAD.put("LOG_LEVEL", "loud");
        BAD.put("LOG_LEVELS", "io.redline=loud");
        BAD.put("SHUTDOWN_GRACE", "soon");
        BAD.put("HTTP_PORT", "http");
        BAD.put("ORIGIN_URL", "ftp://origin");
        BAD.put("CACHE_FRESH_TTL", "-1s");
        BAD.put("CACHE_STALE_TTL", "abc");
        BAD.put("CACHE_MAX_BYTES", "lots");
        BAD.put("CACHE_LOCAL_MAX_BYTES", "-1");
        BAD.put("CACHE_HONOR_ORIGIN_TTL", "yes");
        BAD.put("RATE_LIMIT", "-3");
        BAD.put("RATE_WINDOW", "1m30s");
        BAD.put("RATE_LIMIT_FAIL_MODE", "maybe");
        BAD.put("TRUSTED_PROXIES", "300.0.0.1/40");
        BAD.put("ORIGIN_CONNECT_TIMEOUT", "x");
        BAD.put("ORIGIN_TIMEOUT", "1.5s");
        BAD.put("ORIGIN_HOST_HEADER", "origin:99999");
        BAD.put("HTTP_IDLE_TIMEOUT", "x");
        BAD.put("HTTP_HEADER_TIMEOUT", "50ms");
        BAD.put("HTTP_MAX_CONNECTIONS", "0");
        BAD.put("HTTP_MAX_BODY_BYTES", "10MB");
        BAD.put("HTTP_MAX_IN_FLIGHT", "-1");
        BAD.put("ADMIN_TOKEN", "too short");
        BAD.put("ADMIN_TOKEN_FILE", "/nonexistent/admin-token");
        BAD.put("CHAT_SEND_LIMIT", "0");
        BAD.put("CHAT_SEND_WINDOW", "x");
        BAD.put("PRESENCE_TTL", "x");
        BAD.put("CHAT_OUTBOUND_QUEUE", "0");
        BAD.put("CHAT_MAX_ROOMS", "0");
        BAD.put("CHAT_PING_INTERVAL", "x");
        BAD.put("CHAT_IDLE_TIMEOUT", "x");
        BAD.put("CHAT_TOKEN_SECRET", "too short");
        BAD.put("CHAT_TOKEN_SECRET_FILE", "/nonexistent/chat-token-secret");
        BAD.put("CHAT_ALLOWED_ORIGINS", "https://chat.example.com/path");
        BAD.put("HOSTNAME", "bad host!");
        BAD.put("WORKER_CONSUMERS", "99");
        BAD.put("WORKER_BATCH", "0");
        BAD.put("CLAIM_IDLE", "1ms");
        BAD.put("MAX_DELIVERIES", "0");
        BAD.put("CONSUMER_EXPIRY", "x");
        BAD.put("STREAM_RETENTION", "100");
        BAD.put("DLQ_MAXLEN", "0");
        BAD.put("EFFECTS_SYNC_REPLICAS", "-1");
        BAD.put("EFFECTS_SYNC_TIMEOUT", "5s");
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("cache-gateway", List.of()),
                Arguments.of("chat-node", List.of()),
                Arguments.of("event-workers", List.of("worker")),
                Arguments.of("stats-job", List.of("run")),
                Arguments.of("stats-job", List.of("serve")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commands")
    void everyVariableWithABadValueIsNamedAtOnceAndTheProcessExits2(String module, List<String> args)
            throws Exception {
        List<String> variables = ProcessJars.variablesRead(module, args).orElseThrow();
        List<String> untested = variables.stream().filter(v -> !BAD.containsKey(v)).toList();
        assertEquals(List.of(), untested, module + " " + args + " reads variables this test has no bad value for");

        Map<String, String> env = new HashMap<>();
        variables.stream().filter(v -> BAD.get(v) != null).forEach(v -> env.put(v, BAD.get(v)));
        try (ChildJvm process = ChildJvm.startJar(ProcessJars.jar(module), env, args.toArray(new String[0]))) {
            int exit = process.waitFor(Duration.ofSeconds(60));
            String stderr = process.stderr();
            assertEquals(2, exit, stderr);
            List<String> lines = Arrays.asList(stderr.split("\n"));
            List<String> unnamed = new ArrayList<>();
            for (String variable : env.keySet()) {
                if (lines.stream().noneMatch(line -> line.contains(variable + "=\""))) {
                    unnamed.add(variable);
                }
            }
            assertEquals(List.of(), unnamed, "variables not named in:\n" + stderr);
            assertTrue(lines.stream().noneMatch(line -> line.startsWith("\tat ")), "no stack trace:\n" + stderr);
        }
    }
}
