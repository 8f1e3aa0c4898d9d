package io.redline.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.redis.RedisSettings;
import io.redline.deploy.local.ports.PortLayout;
import io.redline.deploy.local.ports.PortSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    private static final Member WORKER = new Member("event-workers-1", Member.WORKERS, List.of("worker"), false);
    private static final Member GATEWAY = new Member("cache-gateway-1", Member.GATEWAY, List.of(), true);

    @Test
    void theWorkersGetTheEffectsSyncSettingsOfTheRunnersEnvironmentAndNoOtherProcessDoes() throws Exception {
        ChildEnvironment children = children(Map.of("EFFECTS_SYNC_REPLICAS", "1", "EFFECTS_SYNC_TIMEOUT", "250ms",
                "HTTP_PORT", "1"));
        Map<String, String> worker = children.of(WORKER);
        assertEquals("1", worker.get("EFFECTS_SYNC_REPLICAS"));
        assertEquals("250ms", worker.get("EFFECTS_SYNC_TIMEOUT"));
        Map<String, String> gateway = children.of(GATEWAY);
        assertFalse(gateway.containsKey("EFFECTS_SYNC_REPLICAS"), gateway.toString());
        assertFalse(worker.containsKey("HTTP_PORT"), "nothing else of the shell leaks in: " + worker);
    }

    @Test
    void withoutThemInTheRunnersEnvironmentTheWorkersUseTheirDefaults() throws Exception {
        assertFalse(children(Map.of()).of(WORKER).containsKey("EFFECTS_SYNC_REPLICAS"));
    }

    private static ChildEnvironment children(Map<String, String> inherited) throws Exception {
        AtomicInteger next = new AtomicInteger(20_000);
        PortSource ports = new PortSource() {
            @Override
            public int next(String role) {
                return next.getAndIncrement();
            }

            @Override
            public void close() {
            }
        };
        PortLayout layout = PortLayout.allocate(ports, List.of(GATEWAY.name()), List.of(GATEWAY.name(),
                WORKER.name()));
        return new ChildEnvironment("redis://127.0.0.1:6379", RedisSettings.single("redis://127.0.0.1:6379"),
                KeyNamespace.NONE, layout, inherited);
    }
}
