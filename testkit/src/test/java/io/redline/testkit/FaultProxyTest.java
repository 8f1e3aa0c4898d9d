package io.redline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The fault proxy against a real Redis: each fault does what it says, and healing restores a faithful relay. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultProxyTest {

    private RedisProcess redis;

    @BeforeAll
    void startRedis() {
        redis = RedisProcess.server(RedisBinaries.anyServer());
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }

    @Test
    void aHealthyProxyRelaysCommandsAndRepliesInOrder() throws IOException {
        try (FaultProxy proxy = FaultProxy.to("127.0.0.1", redis.port());
             RawRedis client = new RawRedis("127.0.0.1", proxy.port())) {
            for (int i = 0; i < 200; i++) {
                assertEquals("OK", client.call("SET", "proxy:k", String.valueOf(i)));
                assertEquals(String.valueOf(i), client.call("GET", "proxy:k"));
            }
        }
    }

    @Test
    void latencyDelaysEachRoundTripByTwiceTheOneWayTime() throws IOException {
        try (FaultProxy proxy = FaultProxy.to("127.0.0.1", redis.port());
             RawRedis client = new RawRedis("127.0.0.1", proxy.port())) {
            proxy.latency(Duration.ofMillis(40));
            long start = System.nanoTime();
            assertEquals("PONG", client.call("PING"));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(80),
                    "a round trip took less than twice the one-way latency");
            proxy.heal();
            assertEquals("PONG", client.call("PING"));
        }
    }

    @Test
    void aFrozenProxyHoldsTheReplyUntilItThawsAndLosesNothing() throws Exception {
        try (FaultProxy proxy = FaultProxy.to("127.0.0.1", redis.port());
             RawRedis client = new RawRedis("127.0.0.1", proxy.port())) {
            assertEquals("PONG", client.call("PING"));
            proxy.freeze();
            CompletableFuture<Object> reply = CompletableFuture.supplyAsync(() -> call(client, "INCR", "proxy:frozen"));
            assertThrows(TimeoutException.class, () -> reply.get(300, TimeUnit.MILLISECONDS));
            assertEquals(1, proxy.openConnections());
            proxy.thaw();
            assertEquals(1L, reply.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void cutConnectionsClosesThemAndNewOnesStillWork() throws IOException {
        try (FaultProxy proxy = FaultProxy.to("127.0.0.1", redis.port())) {
            RawRedis first = new RawRedis("127.0.0.1", proxy.port());
            assertEquals("PONG", first.call("PING"));
            proxy.cutConnections();
            assertThrows(IOException.class, () -> first.call("PING"));
            first.close();
            Awaits.await().until(() -> proxy.openConnections() == 0);
            assertEquals("PONG", RawRedis.once(proxy.port(), "PING"));
        }
    }

    @Test
    void aRefusingProxyClosesNewConnectionsUntilHealed() throws IOException {
        try (FaultProxy proxy = FaultProxy.to("127.0.0.1", redis.port())) {
            proxy.refuseConnections(true);
            assertThrows(IOException.class, () -> RawRedis.once(proxy.port(), "PING"));
            assertFalse(proxy.openConnections() > 0);
            proxy.heal();
            assertEquals("PONG", RawRedis.once(proxy.port(), "PING"));
        }
    }

    private static Object call(RawRedis client, String... command) {
        try {
            return client.call(command);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
