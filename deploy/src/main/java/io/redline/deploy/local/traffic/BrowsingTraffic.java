package io.redline.deploy.local.traffic;

import io.redline.core.lifecycle.ExecutorShutdown;
import io.redline.core.lifecycle.Managed;
import io.redline.deploy.local.origin.Catalog;
import io.redline.deploy.local.origin.Product;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;

/**
 * Shoppers browsing through the gateways: about 20 requests a second from 16 client addresses sent as
 * {@code X-Forwarded-For} (the gateways trust loopback as a proxy), mostly on a few popular products so that the
 * cache hits, with now and then the origin's slow and failing paths. One greedy client asks 8 times a second, so
 * that the rate limiter has someone to refuse.
 */
public final class BrowsingTraffic implements Managed {

    static final Duration TICK = Duration.ofMillis(50);
    static final String GREEDY_CLIENT = "192.0.2.66";

    private final List<Integer> gatewayPorts;
    private final List<Product> products;
    private final List<String> categories;
    private final AtomicInteger next = new AtomicInteger();
    private HttpClient http;
    private ScheduledExecutorService scheduler;

    public BrowsingTraffic(List<Integer> gatewayPorts, Catalog catalog) {
        this.gatewayPorts = List.copyOf(gatewayPorts);
        this.products = catalog.products();
        this.categories = catalog.categories();
    }

    @Override
    public synchronized void start() throws Exception {
        http = new HttpClient();
        http.setName("demo-browsing-http");
        http.setMaxConnectionsPerDestination(16);
        http.start();
        scheduler = DemoSchedulers.named("demo-browsing");
        scheduler.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() throws Exception {
        if (scheduler != null) {
            ExecutorShutdown.shutdown("demo-browsing", scheduler, Duration.ofSeconds(1));
        }
        if (http != null) {
            http.stop();
        }
    }

    private void tick() {
        int n = next.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        send("198.51.100." + (10 + random.nextInt(16)), path(random));
        if (n % 3 == 0) {
            send(GREEDY_CLIENT, "/products");
        }
    }

    String path(ThreadLocalRandom random) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return "/products/" + products.get(random.nextInt(6)).sku();
        }
        if (roll < 60) {
            return "/products";
        }
        if (roll < 70) {
            return "/categories/" + categories.get(random.nextInt(categories.size()));
        }
        if (roll < 80) {
            return "/search?q=" + List.of("monitor", "mouse", "cable", "keyboard").get(random.nextInt(4));
        }
        if (roll < 92) {
            return "/products/" + products.get(random.nextInt(products.size())).sku();
        }
        if (roll < 96) {
            return "/categories";
        }
        return roll < 99 ? "/flaky" : "/slow";
    }

    private void send(String client, String path) {
        int port = gatewayPorts.get(Math.floorMod(next.get(), gatewayPorts.size()));
        http.newRequest("http://127.0.0.1:" + port + path)
                .headers(headers -> headers.put("X-Forwarded-For", client))
                .timeout(10, TimeUnit.SECONDS)
                .send(result -> {
                    // the gateways' own metrics count what happened; a demo client has nothing to add
                });
    }
}
