package io.redline.gateway.http;

import io.redline.core.concurrent.Futures;
import io.redline.core.logging.ThrottledLogger;
import io.redline.core.ratelimit.RateLimitDecision;
import io.redline.core.swr.CacheLoadTimeoutException;
import io.redline.core.swr.Cached;
import io.redline.core.swr.Loaded;
import io.redline.core.swr.SwrCache;
import io.redline.core.swr.SwrLoader;
import io.redline.core.swr.SwrPolicy;
import io.redline.gateway.cache.CacheHeaders;
import io.redline.gateway.cache.CacheKey;
import io.redline.gateway.cache.CacheLoads;
import io.redline.gateway.cache.ConditionalReply;
import io.redline.gateway.cache.LoadRequest;
import io.redline.gateway.cache.RequestConditions;
import io.redline.gateway.client.ClientIdentity;
import io.redline.gateway.limit.Admission;
import io.redline.gateway.metrics.GatewayMetrics;
import io.redline.gateway.metrics.Outcome;
import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginClient;
import io.redline.gateway.origin.OriginRequest;
import io.redline.gateway.origin.OriginResponse;
import io.redline.gateway.origin.OriginTimeoutException;
import io.redline.gateway.origin.OriginUnavailableException;
import io.redline.gateway.origin.ProxyHeaders;
import io.redline.gateway.traffic.TrafficRecorder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: rate limit unless it is off (429 when denied), then the SWR cache for GET and HEAD without credentials, else
 * straight to the origin. Origin unreachable: 502; too slow: 504; both as JSON.
 *
 * <p>Non-blocking, so that Jetty may run it on the thread that read the request instead of handing every request
 * to another thread (measured: about twice the near-cache hits per second on two cores). Nothing here waits:
 * the answer is written when Redis or the origin answers, from the thread that delivers the answer.
 */
public final class GatewayHandler extends Handler.Abstract.NonBlocking {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);

    private final ClientIdentity identity;
    private final Admission admission;
    private final SwrCache<OriginResponse> cache;
    private final SwrPolicy policy;
    private final CacheLoads loads;
    private final OriginClient origin;
    private final TrafficRecorder traffic;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final ProxyHeaders proxyHeaders;
    private final Duration wait;
    private final ThrottledLogger unexpected;
    private final ThrottledLogger originFailed;

    /**
     * @param proxyHeaders the headers the origin gets, for forwarded requests and for cache loads
     * @param wait how long a request waits for the cache or the origin before answering 504
     */
    public GatewayHandler(ClientIdentity identity, Admission admission, SwrCache<OriginResponse> cache,
                          SwrPolicy policy, CacheLoads loads, OriginClient origin, ProxyHeaders proxyHeaders,
                          TrafficRecorder traffic, GatewayMetrics metrics, Clock clock, Duration wait) {
        this.identity = identity;
        this.admission = admission;
        this.cache = cache;
        this.policy = policy;
        this.loads = loads;
        this.origin = origin;
        this.traffic = traffic;
        this.metrics = metrics;
        this.clock = clock;
        this.proxyHeaders = proxyHeaders;
        this.wait = wait;
        this.unexpected = new ThrottledLogger(LOG, Duration.ofSeconds(30), clock);
        this.originFailed = new ThrottledLogger(LOG, Duration.ofSeconds(30), clock);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long arrived = System.nanoTime();
        InetAddress peer = ((InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress()).getAddress();
        String client = identity.resolve(peer, request.getHeaders().getValuesList("X-Forwarded-For"))
                .getHostAddress();
        // both questions for Redis leave before either answer is awaited: a hit costs one network wait, not two
        CompletionStage<Optional<RateLimitDecision>> admitted = admission.admit(client);
        SwrCache.Lookup<OriginResponse> lookup = usesCache(request)
                ? cache.lookup(CacheKey.of(request.getHttpURI().getPath(), request.getHttpURI().getQuery()))
                : null;
        admitted.thenCompose(decision -> answer(request, response, callback, peer, decision, lookup))
                .whenComplete((outcome, error) -> {
                    if (error != null) {
                        RequestLogContext.run(request, () -> unexpected.warn("Request failed unexpectedly",
                                Futures.unwrap(error)));
                        callback.failed(Futures.unwrap(error));
                        return;
                    }
                    metrics.outcome(outcome, Duration.ofNanos(System.nanoTime() - arrived));
                    boolean isGet = HttpMethod.GET.is(request.getMethod());
                    traffic.record(client, request.getHttpURI().getPath(), response.getStatus(),
                            isGet && response.getStatus() >= 200 && response.getStatus() < 400);
                });
        return true;
    }

    /** Runs where the limiter's answer arrived (a Redis or pool thread): nothing here may block. */
    private CompletionStage<Outcome> answer(Request request, Response response, Callback callback, InetAddress peer,
                                            Optional<RateLimitDecision> admitted,
                                            SwrCache.Lookup<OriginResponse> lookup) {
        admitted.ifPresent(decision -> Replies.rateLimitHeaders(response, decision));
        if (admitted.isPresent() && !admitted.get().allowed()) {
            // the lookup's answer, if any, is dropped
            Replies.error(response, callback, 429, "Too Many Requests",
                    Map.of("Retry-After", String.valueOf(admitted.get().retryAfterSeconds())));
            return CompletableFuture.completedFuture(Outcome.DENIED);
        }
        if (lookup != null) {
            return serveThroughCache(request, response, callback, peer, lookup);
        }
        return forward(request, response, callback, peer, CacheHeaders.bypass());
    }

    /** A shared cache must not answer requests with credentials from a stored response (RFC 9111 3.5). */
    private static boolean usesCache(Request request) {
        String method = request.getMethod();
        return (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method))
                && !request.getHeaders().contains("Authorization");
    }

    private CompletionStage<Outcome> serveThroughCache(Request request, Response response, Callback callback,
                                                       InetAddress peer, SwrCache.Lookup<OriginResponse> lookup) {
        boolean withBody = HttpMethod.GET.is(request.getMethod());
        LoadedAnswers loaded = new LoadedAnswers();
        SwrLoader<OriginResponse> loader = previous -> load(request, peer, previous)
                .whenComplete((answer, error) -> {
                    if (answer != null) {
                        loaded.loaded(answer.value());
                    }
                });
        return Deadline.within(lookup.serve(loader, policy), wait).handle((cached, error) -> {
            loaded.settle(error == null ? cached.value() : null);
            if (error == null) {
                // the client's conditions and range are answered here: the load asked for the whole body
                OriginResponse answer = ConditionalReply.answer(RequestConditions.of(request.getHeaders()), withBody,
                        cached.value());
                Replies.origin(response, callback, answer, withBody, CacheHeaders.of(cached, clock.instant()));
                return CompletableFuture.completedFuture(Outcome.served(cached));
            }
            if (Deadline.expired(error)) {
                return CompletableFuture.completedFuture(failure(request, response, callback, error));
            }
            Throwable cause = Futures.unwrap(error);
            if (isOriginFailure(cause)) {
                return CompletableFuture.completedFuture(failure(request, response, callback, cause));
            }
            // the cache cannot be used: go around it, so that the client still gets the origin's answer
            RequestLogContext.run(request, () -> {
                if (isRedisTrouble(cause)) {
                    LOG.debug("Cache unavailable for {}; forwarding: {}", request.getHttpURI().getPath(),
                            cause.toString());
                } else {
                    unexpected.warn("Cache failed unexpectedly for " + request.getHttpURI().getPath()
                            + "; forwarding to the origin", cause);
                }
            });
            metrics.cacheUnavailable();
            return forward(request, response, callback, peer, CacheHeaders.unavailable());
        }).thenCompose(outcome -> outcome);
    }

    /**
     * A stored answer is served to every client: it is asked for with a fixed set of headers (LoadHeaders), plus the
     * stored entry's validators when it is a refresh.
     */
    private CompletableFuture<Loaded<OriginResponse>> load(Request request, InetAddress peer,
                                                           Optional<OriginResponse> previous) {
        List<Header> headers = proxyHeaders.load(headers(request), peer);
        headers.addAll(LoadRequest.validators(previous));
        OriginRequest get = new OriginRequest("GET", pathAndQuery(request), headers, null);
        long start = System.nanoTime();
        return origin.send(get).whenComplete((answer, error) -> metrics.originCall(Duration.ofNanos(
                System.nanoTime() - start))).thenApply(answer -> loads.classify(answer, previous));
    }

    private CompletionStage<Outcome> forward(Request request, Response response, Callback callback,
                                             InetAddress peer, Map<String, String> cacheHeaders) {
        boolean hasBody = request.getLength() > 0 || request.getHeaders().contains("Transfer-Encoding");
        // the body is streamed from the client's connection to the origin's as it arrives
        OriginRequest call = new OriginRequest(request.getMethod(), pathAndQuery(request),
                proxyHeaders.forwarded(headers(request), peer), hasBody ? request : null);
        long start = System.nanoTime();
        CompletableFuture<OriginResponse> sent = origin.send(call);
        return Deadline.within(sent, wait).handle((answer, error) -> {
            metrics.originCall(Duration.ofNanos(System.nanoTime() - start));
            if (error != null) {
                // an answer that comes after the request gave up is sent to nobody
                sent.thenAccept(OriginResponse::discard);
                Throwable cause = Deadline.expired(error) ? error : Futures.unwrap(error);
                return failure(request, response, callback, cause);
            }
            Replies.origin(response, callback, answer, !HttpMethod.HEAD.is(request.getMethod()), cacheHeaders);
            return Outcome.forwarded(answer);
        });
    }

    /** 502 or 504, logged (at most once every 30 s, saying how many more) and counted by the caller. */
    private Outcome failure(Request request, Response response, Callback callback, Throwable cause) {
        boolean unavailable = cause instanceof OriginUnavailableException;
        int status = unavailable ? 502 : 504;
        RequestLogContext.run(request, () -> originFailed.warn("Answered " + status + " to " + request.getMethod()
                + " " + request.getHttpURI().getPath() + ": the origin "
                + (unavailable ? "is unavailable" : "did not answer in time"), cause));
        if (unavailable) {
            Replies.error(response, callback, 502, "Bad Gateway", Map.of());
            return Outcome.BAD_GATEWAY;
        }
        Replies.error(response, callback, 504, "Gateway Timeout", Map.of());
        return Outcome.GATEWAY_TIMEOUT;
    }

    private static boolean isOriginFailure(Throwable cause) {
        return cause instanceof OriginUnavailableException || cause instanceof OriginTimeoutException
                || cause instanceof CacheLoadTimeoutException;
    }

    private static List<Header> headers(Request request) {
        List<Header> headers = new ArrayList<>();
        for (HttpField field : request.getHeaders()) {
            headers.add(new Header(field.getName(), field.getValue()));
        }
        return headers;
    }

    private static String pathAndQuery(Request request) {
        String query = request.getHttpURI().getQuery();
        return request.getHttpURI().getPath() + (query == null ? "" : "?" + query);
    }

    /**
     * Redis is down, or slower than the cache's Redis timeout: expected in an outage, which the limiter already
     * reports; anything else is a fault worth a warning.
     */
    static boolean isRedisTrouble(Throwable cause) {
        return cause instanceof RedisException || cause instanceof TimeoutException;
    }
}
