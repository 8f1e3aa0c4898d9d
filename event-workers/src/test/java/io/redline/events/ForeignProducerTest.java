package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events written by another client, as redis-cli would write them, before the first worker existed. */
class ForeignProducerTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void eventsWrittenBeforeTheGroupExistedByAnotherClientAreProcessed() throws Exception {
        RedlineKeys keys = new RedlineKeys(KeyNamespace.NONE);
        URI uri = URI.create(REDIS.redis().url());
        try (RawRedis cli = new RawRedis(uri.getHost(), uri.getPort())) {
            cli.call("XADD", "events:ecommerce", "*", "type", "order.created", "payload",
                    "{\"orderId\":\"cli-1\",\"items\":[{\"sku\":\"tea\",\"qty\":2,\"price\":3.5}],\"total\":7.00}",
                    "timestamp", "1764151200000");
            cli.call("XADD", "events:ecommerce", "*", "type", "order.paid", "payload",
                    "{\"orderId\":\"cli-1\",\"amount\":7}", "timestamp", "1764151260000");
        }
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of())) {
            Awaits.await().until(() -> EndState.drained(REDIS.client(), keys));
        }
        Map<Object, Object> order = REDIS.client().getMap("order:{cli-1}", RedisCodecs.STRING).readAllMap();
        assertEquals("paid", order.get("status"));
        assertEquals("700", order.get("total"));
        assertEquals("1764151200000", order.get("createdAt"));
        assertEquals("700", REDIS.client().getBucket(keys.dailyRevenueCents(LocalDate.parse("2025-11-26")),
                RedisCodecs.STRING).get());
        assertEquals(2.0, REDIS.client().getScoredSortedSet(keys.unitsSold(), RedisCodecs.STRING).getScore("tea"));
    }
}
