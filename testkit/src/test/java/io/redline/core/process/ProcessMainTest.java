package io.redline.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real exit path of a process, in a child JVM: exit codes, SIGTERM and the drain. */
class ProcessMainTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void badConfigurationExitsWithCode2AndOneLinePerError() throws Exception {
        try (ChildJvm child = ChildJvm.start(DrainingTestProcess.class, Map.of("ADMIN_PORT", "abc",
                "LOG_FORMAT", "xml", "REDIS_MODE", "clustre", "SHUTDOWN_GRACE", "20", "TEST_WORK_STEPS", "0"))) {
            assertEquals(2, child.waitFor(Duration.ofSeconds(30)));
            List<String> lines = child.stderr().lines().sorted().collect(Collectors.toList());
            assertEquals(List.of(
                    "draining-test: configuration error: ADMIN_PORT=\"abc\" is invalid: must be a whole number from 0"
                            + " to 65535",
                    "draining-test: configuration error: LOG_FORMAT=\"xml\" is invalid: must be one of text, json",
                    "draining-test: configuration error: REDIS_MODE=\"clustre\" is invalid: must be one of single,"
                            + " cluster, sentinel",
                    "draining-test: configuration error: SHUTDOWN_GRACE=\"20\" is invalid: must be a duration such as"
                            + " 250ms, 60s, 5m, 1h or 7d",
                    "draining-test: configuration error: TEST_WORK_STEPS=\"0\" is invalid: must be a whole number from"
                            + " 1 to 10000"), lines);
            assertEquals("", child.stdout());
        }
    }

    @Test
    void sigtermTurnsReadinessOffDrainsInFlightWorkAndExitsZero() throws Exception {
        int adminPort = FreePorts.find();
        String ready = "http://127.0.0.1:" + adminPort + "/health/ready";
        try (ChildJvm child = ChildJvm.start(DrainingTestProcess.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "ADMIN_PORT", String.valueOf(adminPort), "SHUTDOWN_GRACE", "15s", "TEST_WORK_STEPS", "30",
                "LOG_FORMAT", "json", "REDLINE_NAMESPACE", "sigterm"))) {
            Awaits.await().until(() -> child.stdout().contains("work started") && HttpProbe.status(ready) == 200);
            long signalled = System.nanoTime();
            child.terminate();
            AtomicBoolean sawNotReady = new AtomicBoolean();
            Awaits.await().until(() -> {
                int status = HttpProbe.status(ready);
                sawNotReady.compareAndSet(false, status == 503);
                return sawNotReady.get() || !child.isAlive();
            });
            assertEquals(0, child.waitFor(Duration.ofSeconds(30)), child.stderr());
            Duration drained = Duration.ofNanos(System.nanoTime() - signalled);

            assertTrue(sawNotReady.get(), "readiness must answer 503 while the work drains");
            assertEquals(30L, REDIS.client().getAtomicLong("sigterm:" + DrainingTestProcess.STEPS_KEY).get(),
                    "every step of the in-flight work is done, with Redis still open");
            assertTrue(child.stdout().contains("work finished"), child.stdout());
            assertTrue(drained.compareTo(Duration.ofSeconds(15)) < 0, "drained in " + drained);
            for (String line : child.stderr().lines().collect(Collectors.toList())) {
                JsonNode event = Json.mapper().readTree(line);
                assertTrue(event.has("@timestamp") && event.has("level") && event.has("message"), line);
            }
        }
    }

    @Test
    void workThatOutlivesTheGracePeriodEndsWithExitCode1() throws Exception {
        try (ChildJvm child = ChildJvm.start(DrainingTestProcess.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "ADMIN_PORT", String.valueOf(FreePorts.find()), "SHUTDOWN_GRACE", "1s", "TEST_WORK_STEPS", "1000",
                "REDLINE_NAMESPACE", "overrun"))) {
            Awaits.await().until(() -> child.stdout().contains("work started"));
            child.terminate();
            assertEquals(1, child.waitFor(Duration.ofSeconds(20)));
            assertTrue(child.stderr().contains("in-flight work did not drain within SHUTDOWN_GRACE=1000 ms"),
                    child.stderr());
        }
    }

    /**
     * Issue 10 item 17: a taken port ended the process with a 34-line {@code BindException} trace. ADMIN_PORT is
     * bound before Redis is awaited, HTTP_PORT by a part after it: both paths end in the same one line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ADMIN_PORT", "HTTP_PORT"})
    void aTakenPortEndsTheProcessWithOneLineNamingTheVariableAndExitCode1(String taken) throws Exception {
        try (ServerSocket squatter = new ServerSocket(FreePorts.find())) {
            int port = squatter.getLocalPort();
            Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", REDIS.redis().url(),
                    "ADMIN_PORT", String.valueOf(FreePorts.find()), "HTTP_PORT", String.valueOf(FreePorts.find()),
                    "REDLINE_NAMESPACE", "taken"));
            env.put(taken, String.valueOf(port));
            try (ChildJvm child = ChildJvm.start(PortTestProcess.class, env)) {
                assertEquals(1, child.waitFor(Duration.ofSeconds(30)), child.stderr());
                List<String> lines = child.stderr().lines().collect(Collectors.toList());
                List<String> errors = lines.stream().filter(line -> line.contains(" ERROR "))
                        .collect(Collectors.toList());
                assertEquals(1, errors.size(), child.stderr());
                assertTrue(errors.get(0).endsWith("port-test: cannot start: cannot listen on " + taken + "=" + port
                        + ": Address already in use"), errors.get(0));
                assertTrue(lines.stream().noneMatch(line -> line.startsWith("\t") || line.startsWith("Caused by")
                        || line.contains("Exception")), child.stderr());
                assertEquals("", child.stdout());
            }
        }
    }

    /** A part refused by the Redis user's ACL rules ended the process with Redisson's dump of every argument. */
    @Test
    void aCommandTheRedisUserMayNotRunEndsTheProcessWithOneLineNamingItAndItsKey() throws Exception {
        String user = "refused-" + Long.toHexString(System.nanoTime());
        String password = "Pa55/word@" + user;
        int port = URI.create(REDIS.redis().url()).getPort();
        RawRedis.once(port, "ACL", "SETUSER", user, "on", ">" + password, "~*", "&*", "+@all", "-xadd");
        try (ChildJvm child = ChildJvm.start(RefusedTestProcess.class, Map.of("REDIS_URL", REDIS.redis().url(),
                "REDIS_USERNAME", user, "REDIS_PASSWORD", password, "ADMIN_PORT", "0",
                "REDLINE_NAMESPACE", "refused"))) {
            assertEquals(1, child.waitFor(Duration.ofSeconds(30)), child.stderr());
            List<String> errors = child.stderr().lines().filter(line -> line.contains(" ERROR "))
                    .collect(Collectors.toList());
            assertEquals(1, errors.size(), child.stderr());
            assertTrue(errors.get(0).endsWith("refused-test: cannot start: Redis refused XADD on"
                    + " refused:events:ecommerce: NOPERM this user has no permissions to run the 'xadd' command (an"
                    + " ACL rule of the Redis user forbids it)"), errors.get(0));
            assertTrue(child.stderr().lines().noneMatch(line -> line.startsWith("\t") || line.contains("Exception")
                    || line.contains(password)), child.stderr());
        } finally {
            RawRedis.once(port, "ACL", "DELUSER", user);
        }
    }
}
