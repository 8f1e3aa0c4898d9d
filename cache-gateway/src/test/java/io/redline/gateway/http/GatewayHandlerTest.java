package io.redline.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;

class GatewayHandlerTest {

    @Test
    void redisDownOrTooSlowIsExpectedTroubleAndNothingElseIs() {
        assertEquals(true, GatewayHandler.isRedisTrouble(new RedisConnectionException("refused")));
        assertEquals(true, GatewayHandler.isRedisTrouble(new RedisTimeoutException("slow")));
        assertEquals(true, GatewayHandler.isRedisTrouble(new TimeoutException()), "the cache's own Redis timeout");
        assertEquals(false, GatewayHandler.isRedisTrouble(new IllegalStateException("a bug")));
        assertEquals(false, GatewayHandler.isRedisTrouble(new NullPointerException()));
    }
}
