package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;

class RedisConnectorTest {

    private static final RedisSettings SETTINGS = RedisSettings.single("redis://:secret@127.0.0.1:1");

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff backoff = Backoff.REDIS_STARTUP;
        assertEquals(Duration.ofMillis(250), backoff.delay(1));
        assertEquals(Duration.ofMillis(500), backoff.delay(2));
        assertEquals(Duration.ofMillis(4000), backoff.delay(5));
        assertEquals(Duration.ofSeconds(5), backoff.delay(6));
        assertEquals(Duration.ofSeconds(5), backoff.delay(1000));
    }

    @Test
    void backoffRefusesNonsenseAndEchoesIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5));
        assertEquals("multiplier must be >= 1, but was 0.5", error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(3), Duration.ofSeconds(2), 2));
        assertEquals("max must be >= initial (PT3S), but was PT2S", error.getMessage());
    }

    @Test
    void theConnectorKeepsTryingWhileRedisIsAbsent() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch stop = new CountDownLatch(1);
        RedisConnector connector = new RedisConnector(config -> {
            if (attempts.incrementAndGet() == 4) {
                stop.countDown();
            }
            throw new RedisConnectionException("Unable to connect to Redis server: 127.0.0.1/127.0.0.1:1");
        }, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 2));
        Optional<RedissonClient> client = connector.connect(SETTINGS, "test", stop);
        assertEquals(4, attempts.get());
        assertTrue(client.isEmpty());
    }

    @Test
    void aStopRequestEndsTheWaitAtOnce() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        RedisConnector connector = new RedisConnector(config -> {
            throw new RedisConnectionException("refused");
        }, new Backoff(Duration.ofHours(1), Duration.ofHours(1), 1));
        CompletableFuture<Optional<RedissonClient>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return connector.connect(SETTINGS, "test", stop);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        stop.countDown();
        assertEquals(Optional.empty(), waiting.get(10, TimeUnit.SECONDS));
    }
}
