package io.redline.gateway;

import io.redline.core.http.JettyServer;
import io.redline.core.lifecycle.Managed;
import io.redline.core.process.ProcessContext;
import io.redline.core.ratelimit.RateLimit;
import io.redline.core.ratelimit.RateLimiterSettings;
import io.redline.core.ratelimit.SlidingWindowRateLimiter;
import io.redline.core.redis.pipeline.AutoPipeline;
import io.redline.core.swr.SwrCache;
import io.redline.core.swr.SwrPolicy;
import io.redline.core.swr.SwrSettings;
import io.redline.gateway.cache.CacheLoads;
import io.redline.gateway.cache.Freshness;
import io.redline.gateway.client.ClientIdentity;
import io.redline.gateway.edge.EdgeHandlers;
import io.redline.gateway.http.GatewayHandler;
import io.redline.gateway.limit.Admission;
import io.redline.gateway.metrics.GatewayMetrics;
import io.redline.gateway.metrics.MetricNames;
import io.redline.gateway.origin.OriginClient;
import io.redline.gateway.origin.OriginResponse;
import io.redline.gateway.origin.OriginResponseCodec;
import io.redline.gateway.origin.ProxyHeaders;
import io.redline.gateway.purge.PurgeHandler;
import io.redline.gateway.trace.TracingHandler;
import io.redline.gateway.traffic.TrafficRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Wires the gateway's parts from its configuration and the process context. */
public final class Gateway {

    /** The cache's name as its keys hold it: {@code swr:gateway:{...}}. */
    public static final String CACHE_KEY_PART = "gateway";
    /** The limiter's scope, part of its keys: {@code ratelimit:gateway:{client}:...}. */
    public static final String LIMITER_SCOPE = "gateway";

    private final OriginClient origin;
    private final JettyServer server;
    private final TrafficRecorder traffic;

    public Gateway(GatewayConfig config, ProcessContext context) {
        GatewayMetrics metrics = new GatewayMetrics(context.metrics());
        // measured (BENCHMARKS.md): with the limiter on, twice the requests/s of one pooled connection per call
        AutoPipeline pipeline = AutoPipeline.withDefaults(context.redis(), metrics);
        Admission admission = config.limited()
                ? Admission.limitedBy(new SlidingWindowRateLimiter(context.redis(), pipeline, context.keys(),
                        RateLimiterSettings.of(LIMITER_SCOPE, new RateLimit(config.rateLimit(), config.rateWindow()))
                                .withFailMode(config.rateLimitFailMode()),
                        metrics, context.clock()))
                : Admission.UNLIMITED;
        SwrPolicy policy = SwrPolicy.of(config.freshTtl(), config.staleTtl());
        SwrCache<OriginResponse> cache = new SwrCache<>(context.redis(), pipeline, context.keys(),
                new SwrSettings(CACHE_KEY_PART, policy, config.originTimeout().plusSeconds(1)),
                OriginResponseCodec.INSTANCE,
                metrics, context.clock(), () -> ThreadLocalRandom.current().nextDouble(), config.cacheLocalMaxBytes());
        MetricNames.CACHE_LOCAL_BYTES.watch(context.metrics(), cache::nearCacheBytes);
        if (config.adminToken().configured()) {
            context.adminRoutes().add(PurgeHandler.PATH, new PurgeHandler(cache, config.adminToken()));
        }
        // nothing on the client's threads blocks: a few serve every connection to the origin
        origin = new OriginClient(config.origin(), config.originConnectTimeout(), config.originTimeout(),
                config.cacheMaxBytes(), context.threadPools().fixed("origin-client", 8));
        traffic = new TrafficRecorder(context.redis(), context.keys(), context.clock(),
                context.threadPools().scheduled("traffic-flush", 1), Duration.ofSeconds(1), 100_000, metrics);
        GatewayHandler handler = new GatewayHandler(new ClientIdentity(config.trustedProxies()), admission, cache,
                policy, new CacheLoads(new Freshness(config.freshTtl(), config.staleTtl(), config.honorOriginTtl())),
                origin, new ProxyHeaders(config.originHostHeader(), config.trustedProxies()), traffic, metrics,
                context.clock(), config.originWait());
        // wrapped, not changed: a span per request, its traceparent and request id forwarded to the origin
        TracingHandler traced = new TracingHandler(handler, context.tracing().tracer());
        server = new JettyServer("gateway-http", config.httpPort(), 200,
                jetty -> EdgeHandlers.around(traced, config.edge(), metrics), context.config().shutdownGrace(),
                config.edge().limits());
    }

    /**
     * The origin client first and the server last, so that on stop the server drains its requests before the last
     * traffic flush and before the origin's connections close.
     */
    public List<Managed> parts() {
        return List.of(origin, traffic, server);
    }

    public TrafficRecorder traffic() {
        return traffic;
    }
}
