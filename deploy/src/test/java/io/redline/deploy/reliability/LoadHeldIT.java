package io.redline.deploy.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.Awaits;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Load held, on one Redis (without AOF: the figures are the processes', not the disk's): after the scenario, the
 * gateways at twice the rate they serve, 2,000 WebSocket connections across the 2 chat nodes, and a backlog of
 * {@code -Dload.events} events (300,000 in the build; 1,000,000 for RELIABILITY.md) drained by the 2 worker
 * processes. Each ends with the processes alive and ready and their heap after a full GC close to where it began.
 */
class LoadHeldIT extends OnOneRedis {

    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;
    private static final int SOCKETS = 2_000;
    private static final int ROOMS = 20;
    /**
     * At most what the 2 gateways can serve on the demo origin's {@code /slow} (1.5 s, a miss each time): each has
     * 256 connections to the origin (OriginClient.MAX_CONNECTIONS), so 2 x 256 / 1.5 s, rounded up.
     */
    private static final int SLOW_CAPACITY = 342;

    /**
     * Regression: the gateways' 256 MiB heaps ran out under this load (Jetty's per-connection header cache, about
     * 80 KiB a connection; JettyServer now turns it off).
     */
    @Test
    @Order(10)
    void theGatewaysAtTwiceWhatTheyServeShedWith503AndStayUpWithFlatHeaps() throws Exception {
        List<Long> pids = pids();
        Map<String, Long> before = Heaps.afterFullGc(runner.platform(), "cache-gateway");
        try (GatewayOverload load = new GatewayOverload(httpPorts("cache-gateway"))) {
            GatewayOverload.Phase overload = load.openLoop(2 * SLOW_CAPACITY, Duration.ofSeconds(25));
            figures.add("gateways at 2x what they can serve on /slow (open loop, " + 2 * SLOW_CAPACITY
                    + "/s, 25 s)", overload.toString());
            figures.add("gateways at 2x: share of 503 / 429", String.format(Locale.ROOT, "%.1f %% / %.1f %%",
                    100 * overload.share("503"), 100 * overload.share("429")));
            assertTrue(overload.count("503") > 0, "nothing was shed: " + overload);
            assertTrue(overload.count("200") > 0, "nothing was served: " + overload);
        }
        assertAlive(pids);
        Awaits.await(Duration.ofSeconds(30)).until(this::everyProcessAnswersReady);
        traffic.reset();
        traffic.browse(httpPorts("cache-gateway"), 20);
        assertEquals(20, traffic.count("200"), traffic.answers().toString());
        assertHeapsBounded("cache-gateway", before, "gateway at 2x: heap after full GC, start -> end");
    }

    @Test
    @Order(11)
    void twoThousandWebSocketsAcrossBothChatNodesEachGetTheirRoomsMessage() throws Exception {
        List<Long> pids = pids();
        Map<String, Long> before = Heaps.afterFullGc(runner.platform(), "chat-node");
        long start = System.nanoTime();
        try (ChatCrowd crowd = ChatCrowd.open("load", SOCKETS, ROOMS, httpPorts("chat-node"))) {
            assertEquals(SOCKETS, crowd.joined());
            figures.add(SOCKETS + " sockets (" + SOCKETS / 2 + " per chat node, " + ROOMS
                    + " rooms) open and joined, " + ChatCrowd.STEP + " at a time", Duration.ofNanos(System.nanoTime()
                    - start));
            Map<String, Long> held = Heaps.afterFullGc(runner.platform(), "chat-node");
            figures.add("chat: heap after full GC with " + SOCKETS + " sockets open", Heaps.inMiB(held));
            long sentAt = System.nanoTime();
            crowd.sendOneIntoEachRoom("fan-out");
            Awaits.await(Duration.ofSeconds(60)).until(() -> crowd.receivedOnce("fan-out") == SOCKETS);
            figures.add("chat: one message into each room reached all " + SOCKETS + " sockets, each once",
                    Duration.ofNanos(System.nanoTime() - sentAt));
            assertEquals(0, crowd.strays(), "messages of another room or received twice");
            assertEquals(SOCKETS, crowd.open(), "sockets closed by the nodes");
        }
        assertAlive(pids);
        Awaits.await(Duration.ofSeconds(30)).until(this::everyProcessAnswersReady);
        assertHeapsBounded("chat-node", before, "chat: heap after full GC, start -> end (sockets closed)");
    }

    @Test
    @Order(12)
    void aBacklogOfEventsIsDrainedByTheTwoWorkersExactlyWithFlatHeaps() throws Exception {
        int events = Integer.getInteger("load.events", 300_000);
        int orders = (events + 2) / 3;
        List<Long> pids = pids();
        List<Long> workers = List.of(pidOf("event-workers-1"), pidOf("event-workers-2"));
        Map<String, Long> before = Heaps.afterFullGc(runner.platform(), "event-workers");
        OrderBook backlog = new OrderBook("load").add(orders, 12);
        // the workers are stopped while the backlog is written, so that they meet all of it at once
        signal("STOP", workers);
        long written;
        try {
            long start = System.nanoTime();
            backlog.publish(redis(), 0, orders);
            written = System.nanoTime() - start;
        } finally {
            signal("CONT", workers);
        }
        figures.add(3 * orders + " events (" + orders + " orders) written, workers stopped",
                Duration.ofNanos(written));
        long resumed = System.nanoTime();
        Awaits.await(DRAIN.multipliedBy(Math.max(1, events / 300_000))).until(() -> OrderBook.drained(redis()));
        double seconds = (System.nanoTime() - resumed) / 1e9;
        figures.add("backlog drained by 2 workers", String.format(Locale.ROOT, "%.1f s, %.0f events/s", seconds,
                3 * orders / seconds));
        assertEquals(List.of(), backlog.differences(redis(), false));
        figures.add("backlog: end state", "exact");
        assertAlive(pids);
        Awaits.await(Duration.ofSeconds(30)).until(this::everyProcessAnswersReady);
        assertHeapsBounded("event-workers", before, "backlog: workers' heap after full GC, start -> end");
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        for (long pid : pids) {
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor());
        }
    }

    /** The module's heaps after a full GC now, as a figure beside {@code before}; none grew past the bound. */
    private void assertHeapsBounded(String module, Map<String, Long> before, String figure) throws Exception {
        Map<String, Long> after = Heaps.afterFullGc(runner.platform(), module);
        figures.add(figure, Heaps.inMiB(before) + " -> " + Heaps.inMiB(after));
        before.forEach((name, bytes) -> assertTrue(after.getOrDefault(name, Long.MAX_VALUE) - bytes
                < HEAP_GROWTH_BOUND, name + " grew from " + bytes + " to " + after.get(name) + " bytes"));
    }
}
