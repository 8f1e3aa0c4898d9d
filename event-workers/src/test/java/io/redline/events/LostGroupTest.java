package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.events.consumer.WorkerEvents;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.stream.StreamAddArgs;

/**
 * Regression test of "a lost stream or group stops consumption for good, and health stays green": after
 * {@code DEL events:ecommerce} every read failed with NOGROUP, forever, and new orders were never projected.
 */
class LostGroupTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void aDeletedStreamIsRecreatedOnceAndNewOrdersAreProjected() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("lost-group"));
        AtomicInteger recreated = new AtomicInteger();
        WorkerEvents events = new WorkerEvents() {
            @Override
            public void groupRecreated() {
                recreated.incrementAndGet();
            }
        };
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod-a",
                Map.of("WORKER_CONSUMERS", "2", "CLAIM_IDLE", "1s"), null, events)) {
            emit(keys, "order.created", created("before"));
            Awaits.await().until(() -> "created".equals(status(keys, "before")));

            REDIS.client().getKeys().delete(keys.eventStream());
            emit(keys, "order.created", created("after"));

            Awaits.await().until(() -> "created".equals(status(keys, "after")));
            assertEquals(1, recreated.get(), "the group is re-created once, whoever sees NOGROUP first");
            workers.workers().members().forEach(member ->
                    assertEquals(false, member.isStuck(Duration.ofSeconds(5)), member.name()));
        }
    }

    private static String created(String orderId) {
        return "{\"orderId\":\"" + orderId + "\",\"items\":[{\"sku\":\"a\",\"qty\":1,\"price\":2}],\"total\":2}";
    }

    private static void emit(RedlineKeys keys, String type, String payload) {
        REDIS.client().<String, String>getStream(keys.eventStream()).add(StreamAddArgs.entries(Map.of("type", type,
                "payload", payload, "timestamp", String.valueOf(System.currentTimeMillis()))));
    }

    private static String status(RedlineKeys keys, String orderId) {
        return REDIS.client().<String, String>getMap(keys.orderProjection(orderId)).get("status");
    }
}
