package io.redline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The test kit's own promises: real servers, a working fallback, and nothing left behind. */
class TestKitTest {

    @Test
    void theEmbeddedFallbackIsARealRedis62Server() {
        try (RedisProcess redis = RedisProcess.server(RedisBinaries.embeddedServer())) {
            assertEquals(6, redis.version().major());
            assertFalse(redis.version().atLeast(7));
        }
    }

    @Test
    void aStoppedServerStartsAgainOnTheSamePortAndCloseRemovesItsDirectory() throws Exception {
        RedisProcess redis = RedisProcess.server(RedisBinaries.anyServer());
        int port = redis.port();
        redis.stop();
        assertFalse(redis.isRunning());
        assertTrue(FreePorts.isFree(port));
        redis.start();
        assertEquals("PONG", RawRedis.once(port, "PING"));
        redis.close();
        assertFalse(redis.isRunning());
        assertFalse(Files.exists(redis.dir()));
    }

    @Test
    void freePortsLeaveRoomForTheClusterBusPort() {
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.find();
            assertTrue(port <= FreePorts.HIGHEST && port + 10_000 <= 65_535, "port " + port);
        }
    }
}
