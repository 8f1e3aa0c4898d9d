package io.redline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.Awaits;
import io.redline.testkit.RedisExtension;
import io.redline.events.consumer.ConsumerGroup;
import io.redline.events.consumer.GroupNames;
import io.redline.events.effects.OrderEffects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamReadGroupArgs;

/**
 * Regression test of "a member's start-up can loop forever re-reading its own pending entries from 0-0 when all of
 * a batch fail": each read reset their idle time, so the reaper never claimed them, and the member never got to
 * new entries (with {@code WORKER_BATCH=1}, one bad entry was enough).
 */
class OwnPendingTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void theOwnPendingPassAdvancesPastEntriesItCannotProcessAndRespectsMaxDeliveries() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("own-pending"));
        ConsumerGroup.ensure(REDIS.client(), keys);
        RStream<String, String> stream = ConsumerGroup.stream(REDIS.client(), keys);
        add(stream, "stuck");
        add(stream, "held-1");
        add(stream, "held-2");
        // what a member that died left behind: three entries pending, under the name its successor takes
        stream.readGroup(GroupNames.GROUP, "pod-1", StreamReadGroupArgs.neverDelivered().count(3));
        OrderEffects effects = new OrderEffects();
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of("WORKER_BATCH", "1",
                "WORKER_CONSUMERS", "1", "MAX_DELIVERIES", "2", "CLAIM_IDLE", "1h"), (event, entry) -> {
                    if (event.orderId().equals("stuck")) {
                        throw new IllegalStateException("the payment service is down");
                    }
                    effects.apply(event, entry);
                })) {
            Awaits.await().until(() -> "created".equals(status(keys, "held-2")));
            add(stream, "new");
            Awaits.await().until(() -> "created".equals(status(keys, "new")));
            assertEquals("created", status(keys, "held-1"));
            assertEquals(List.of(), EndState.deadLetters(REDIS.client(), keys), "stuck was delivered twice: still allowed");
        }
        // the successor's successor: a third delivery is more than MAX_DELIVERIES=2
        try (RunningWorkers workers = new RunningWorkers(REDIS.settings(), keys, "pod", Map.of("WORKER_BATCH", "1",
                "WORKER_CONSUMERS", "1", "MAX_DELIVERIES", "2", "CLAIM_IDLE", "1h"))) {
            Awaits.await().until(() -> EndState.deadLetters(REDIS.client(), keys).size() == 1);
        }
        Map<String, String> dead = EndState.deadLetters(REDIS.client(), keys).get(0);
        assertEquals("delivered 3 times, more than MAX_DELIVERIES=2", dead.get("reason"));
        assertEquals("pod-1", dead.get("consumer"));
        assertEquals(0, stream.getPendingInfo(GroupNames.GROUP).getTotal());
    }

    private static void add(RStream<String, String> stream, String orderId) {
        stream.add(StreamAddArgs.entries("type", "order.created", "timestamp", "1764150000000", "payload",
                "{\"orderId\":\"" + orderId + "\",\"items\":[{\"sku\":\"a\",\"qty\":1,\"price\":2}],\"total\":2}"));
    }

    private static String status(RedlineKeys keys, String orderId) {
        return REDIS.client().<String, String>getMap(keys.orderProjection(orderId), RedisCodecs.STRING).get("status");
    }
}
