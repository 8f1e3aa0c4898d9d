package io.redline.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.testkit.Awaits;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisBinaries;
import io.redline.testkit.RedisProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pods start in any order and Redis restarts: readiness follows Redis, and no restart of the process is needed. */
class ReadinessFollowsRedisTest {

    private final RedisProcess redis = RedisProcess.prepared(RedisBinaries.anyServer());
    private RedlineRuntime runtime;

    @AfterEach
    void tearDown() {
        if (runtime != null) {
            runtime.stop();
        }
        redis.close();
    }

    @Test
    void theProcessBecomesReadyWhenRedisStartsAfterItAndFollowsARedisRestart() throws Exception {
        ConfigReader reader = new ConfigReader(Env.of(Map.of("REDIS_URL", redis.url(), "ADMIN_PORT", "0")));
        runtime = new RedlineRuntime("readiness-test", CommonConfig.read(reader), context -> List.of());
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                runtime.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Awaits.await().ignoreExceptions().until(() -> HttpProbe.status(ready()) == 503);
        String waiting = HttpProbe.get(ready()).body();
        assertTrue(waiting.contains("waiting for Redis"), waiting);
        assertTrue(waiting.contains("\"lifecycle\":{\"healthy\":false,\"message\":\"starting\""),
                "not ready before the parts have started: " + waiting);

        // Redis comes up five seconds after the process; until then the process stays up and not ready
        Awaitility.await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                .until(() -> HttpProbe.status(ready()) == 503 && !started.isDone());
        redis.start();
        Awaits.await().until(() -> HttpProbe.status(ready()) == 200);
        started.get();

        redis.stop();
        Awaits.await().until(() -> HttpProbe.status(ready()) == 503);
        HttpResponse<String> down = HttpProbe.get(ready());
        assertTrue(down.body().contains("\"redis\":{\"healthy\":false"), down.body());
        assertEquals(200, HttpProbe.status(live()), "liveness never depends on Redis");

        redis.start();
        Awaits.await().until(() -> HttpProbe.status(ready()) == 200);
    }

    private String ready() {
        return "http://127.0.0.1:" + runtime.adminPort() + "/health/ready";
    }

    private String live() {
        return "http://127.0.0.1:" + runtime.adminPort() + "/health/live";
    }
}
