package io.redline.chat.bench;

import io.redline.chat.node.ChatConfig;
import io.redline.chat.node.ChatNode;
import io.redline.chat.session.SocketLimits;
import io.redline.core.bench.BenchReport;
import io.redline.core.bench.BenchResult;
import io.redline.core.bench.Latencies;
import io.redline.core.bench.LatencySummary;
import io.redline.core.bench.LoadRun;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.OneShot;
import io.redline.core.process.RedlineRuntime;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Two chat nodes in this JVM on {@code REDIS_URL}, {@code --clients} WebSocket clients spread over them in one
 * room, {@code --senders} of them sending {@code --rate} messages per second in all; then Redis's raw
 * {@code PUBLISH} rate through Redisson at {@code --concurrency}, as the limit.
 */
@Command(name = "bench", description = "Two chat nodes in this JVM on REDIS_URL, WebSocket clients in one room:"
        + " cross-node delivery rate and latency, then Redis's raw PUBLISH rate.")
public final class ChatBench implements Callable<Integer>, ReadsEnvironment {

    private static final String ROOM = "bench";
    private static final long TICK_MILLIS = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    ChatBenchArgs options;

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
    }

    /** @return the exit code */
    @Override
    public Integer call() {
        return OneShot.run(spec.qualifiedName(" "), (redis, keys, common) -> {
            String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            List<RedlineRuntime> nodes = new ArrayList<>();
            WebSocketClient webSockets = new WebSocketClient();
            BenchReport report = new BenchReport(System.out, options.json());
            try {
                List<Integer> ports = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int port = freePort();
                    ports.add(port);
                    nodes.add(startNode(common, namespace, port));
                }
                webSockets.start();
                BenchResult delivery = delivery(options, webSockets, ports);
                report.add(delivery);
                BenchResult publish = rawPublish(redis, namespace, options);
                report.add(publish);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("deliveredPerSec", Math.round(delivery.opsPerSec()));
                summary.put("crossNodeP99Micros", delivery.p99Micros());
                summary.put("rawPublishPerSec", Math.round(publish.opsPerSec()));
                report.add(new BenchResult("summary", 0, 0, 0, 0, summary));
                return 0;
            } finally {
                stopQuietly(webSockets);
                nodes.forEach(RedlineRuntime::stop);
                redis.getKeys().deleteByPattern(namespace + ":*");
            }
        });
    }

    private static BenchResult delivery(ChatBenchArgs options, WebSocketClient webSockets, List<Integer> ports)
            throws Exception {
        Latencies latencies = new Latencies();
        List<BenchClient> clients = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            String url = "ws://127.0.0.1:" + ports.get(i % 2) + "/ws?user=bench" + i + "&name=Bench" + i;
            clients.add(BenchClient.connect(webSockets, url, ROOM, latencies));
        }
        List<BenchClient> senders = clients.subList(0, Math.min(options.senders(), clients.size()));
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        SendPace due = new SendPace(options.rate());
        long started = System.nanoTime();
        pace.scheduleAtFixedRate(() -> {
            for (long i = due.due(System.nanoTime() - started); i > 0; i--) {
                senders.get((int) (sent.getAndIncrement() % senders.size())).send(ROOM);
            }
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        try {
            pause(options.warmup());
            long sentBefore = sent.get();
            long receivedBefore = received(clients);
            latencies.interval(); // the warm-up's latencies: discarded
            long start = System.nanoTime();
            pause(options.measured());
            LatencySummary measured = latencies.interval();
            double seconds = (System.nanoTime() - start) / 1e9;
            long sentDuring = sent.get() - sentBefore;
            long deliveredDuring = received(clients) - receivedBefore;
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("nodes", 2);
            extra.put("clients", clients.size());
            extra.put("senders", senders.size());
            extra.put("sendRatePerSec", options.rate());
            extra.put("sentPerSec", Math.round(sentDuring / seconds));
            extra.put("deliveriesExpectedPerMessage", clients.size());
            return new BenchResult("chat.cross-node-delivery", deliveredDuring, deliveredDuring / seconds,
                    measured.p50Micros(), measured.p99Micros(), extra);
        } finally {
            pace.shutdownNow();
            clients.forEach(BenchClient::close);
        }
    }

    /** Redis's raw PUBLISH rate through Redisson, one payload the size of a chat message, no subscriber. */
    private static BenchResult rawPublish(RedissonClient redis, String namespace, ChatBenchArgs options)
            throws Exception {
        RTopic topic = redis.getTopic(namespace + ":bench:raw", RedisCodecs.STRING);
        String payload = "{\"id\":\"0001732600000000-abcdef12-1\",\"roomId\":\"bench\",\"userId\":\"bench1\","
                + "\"userName\":\"Bench1\",\"content\":\"t123456789012345\",\"timestamp\":1732600000000}";
        LoadRun load = new LoadRun(options.concurrency(), options.warmup(), options.measured());
        BenchResult result = load.run("redis.raw-publish", () -> topic.publishAsync(payload).toCompletableFuture()
                .join());
        Map<String, Object> extra = new LinkedHashMap<>(result.extra());
        extra.put("concurrency", options.concurrency());
        return new BenchResult(result.scenario(), result.operations(), result.opsPerSec(), result.p50Micros(),
                result.p99Micros(), extra);
    }

    private static RedlineRuntime startNode(CommonConfig common, String namespace, int port) throws Exception {
        CommonConfig config = new CommonConfig(common.redis(), new KeyNamespace(namespace), 0, common.logFormat(),
                common.logLevels(), common.shutdownGrace());
        ChatConfig chat = new ChatConfig(port, 1_000_000, Duration.ofSeconds(1), Duration.ofSeconds(30),
                SocketLimits.withOutboundQueue(100_000));
        RedlineRuntime runtime = new RedlineRuntime("chat-bench-node", config,
                context -> new ChatNode(chat, context).parts());
        runtime.start();
        return runtime;
    }

    private static long received(List<BenchClient> clients) {
        return clients.stream().mapToLong(BenchClient::received).sum();
    }

    private static void pause(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void stopQuietly(WebSocketClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            // the bench is over either way
        }
    }
}
