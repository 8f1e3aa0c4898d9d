package io.redline.deploy.reliability;

import io.redline.testkit.Awaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Load on the gateways from the test's JVM, with Jetty's asynchronous client: an open loop at a fixed rate, which
 * goes on sending whatever the gateways answer and how slowly, as a crowd of users does (a closed loop of clients
 * that wait for their answers would slow down with the gateways and never overload them). Every request goes
 * to the demo origin's {@code /slow} (1.5 s, the delay scheduled) under a query of its own, so that each is a
 * cache miss that waits for the origin: what the gateways can serve is bounded by the origin, as it is for a proxy,
 * not by this machine's two cores that the test shares with them. Every request comes from its own made-up
 * client address (the runner trusts loopback's X-Forwarded-For), so that the limiter refuses none for its own
 * reasons: what refuses requests here is overload.
 */
final class GatewayOverload implements AutoCloseable {

    /** Requests the open loop keeps outstanding at most: well above both gateways' bound and queue (2 × 2,000). */
    private static final int MAX_OUTSTANDING = 10_000;

    private final HttpClient http = new HttpClient();
    private final List<Integer> ports;
    /** Keeps this load's paths apart from an earlier run's entries in the cache. */
    private final long runId = System.currentTimeMillis();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final List<Long> servedNanos = new ArrayList<>();

    GatewayOverload(List<Integer> gatewayPorts) throws Exception {
        this.ports = gatewayPorts;
        QueuedThreadPool threads = new QueuedThreadPool(32);
        threads.setName("overload-client");
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(MAX_OUTSTANDING);
        http.setMaxRequestsQueuedPerDestination(MAX_OUTSTANDING);
        http.setConnectTimeout(5_000);
        http.start();
    }

    /** What a phase measured. */
    record Phase(Duration length, long sent, Map<String, Long> answers, long notSent, Duration p99Served) {

        long count(String answer) {
            return answers.getOrDefault(answer, 0L);
        }

        double perSecond(long count) {
            return count / (length.toNanos() / 1e9);
        }

        double share(String answer) {
            long answered = answers.values().stream().mapToLong(Long::longValue).sum();
            return answered == 0 ? 0 : (double) count(answer) / answered;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d sent in %.1f s (%.0f/s), answers %s, %d not sent (client cap), "
                            + "served %.0f/s, p99 of the served %d ms", sent, length.toNanos() / 1e9,
                    perSecond(sent), new TreeMap<>(answers), notSent, perSecond(count("200")),
                    p99Served.toMillis());
        }
    }

    /** {@code perSecond} requests a second, in ticks of 10 ms, whatever the answers, for {@code length}. */
    Phase openLoop(double perSecond, Duration length) {
        reset();
        AtomicLong notSent = new AtomicLong();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        AtomicLong due = new AtomicLong();
        ticks.scheduleAtFixedRate(() -> {
            // as many as are due by now: a late tick catches up instead of lowering the rate
            long target = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
            while (due.get() < target) {
                due.incrementAndGet();
                if (outstanding.get() >= MAX_OUTSTANDING) {
                    notSent.incrementAndGet();
                } else {
                    send();
                }
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        try {
            Awaits.await(length.plusSeconds(10)).until(() -> System.nanoTime() - start >= length.toNanos());
        } finally {
            ticks.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        awaitAnswered(Duration.ofSeconds(30));
        return phase(took, notSent.get());
    }

    private void send() {
        sent.incrementAndGet();
        // numbered across phases: a path and a client address are used once in the whole run
        long number = numbers.getAndIncrement();
        int port = ports.get((int) (number % ports.size()));
        String address = "10." + (number >> 16 & 0xff) + "." + (number >> 8 & 0xff) + "." + (number & 0xff);
        long begin = System.nanoTime();
        outstanding.incrementAndGet();
        http.newRequest("http://127.0.0.1:" + port + "/slow?load=" + runId + "-" + number)
                .headers(headers -> headers.put("X-Forwarded-For", address))
                .timeout(15, TimeUnit.SECONDS)
                .send((Result result) -> {
                    String answer = result.isFailed() && result.getResponse().getStatus() <= 0
                            ? "no answer: " + result.getFailure().getClass().getSimpleName()
                            : String.valueOf(result.getResponse().getStatus());
                    answers.computeIfAbsent(answer, a -> new LongAdder()).increment();
                    if (answer.equals("200")) {
                        synchronized (servedNanos) {
                            servedNanos.add(System.nanoTime() - begin);
                        }
                    }
                    outstanding.decrementAndGet();
                });
    }

    /** Every request sent has its answer, or its failure, within {@code atMost}. */
    private void awaitAnswered(Duration atMost) {
        Awaits.await(atMost).until(() -> outstanding.get() == 0);
    }

    private Phase phase(Duration length, long notSent) {
        Map<String, Long> counted = new TreeMap<>();
        answers.forEach((answer, count) -> counted.put(answer, count.sum()));
        long p99;
        synchronized (servedNanos) {
            List<Long> sorted = new ArrayList<>(servedNanos);
            sorted.sort(null);
            p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99));
        }
        return new Phase(length, sent.get(), counted, notSent, Duration.ofNanos(p99));
    }

    private void reset() {
        sent.set(0);
        answers.clear();
        synchronized (servedNanos) {
            servedNanos.clear();
        }
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
