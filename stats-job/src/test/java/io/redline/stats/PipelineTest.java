package io.redline.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.bench.BenchResult;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.testkit.RedisExtension;
import io.redline.stats.compare.Comparison;
import io.redline.stats.compare.DelayProxy;
import io.redline.stats.compare.ProxyTap;
import io.redline.stats.dashboard.DashboardReader;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** The dashboard's reads reach Redis as one pipeline, and that is what makes it fast on a slow network. */
class PipelineTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void allSevenReadsAreWrittenBeforeTheFirstReplyComesBack() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("piped"));
        Seeds.day(REDIS.client(), keys, LocalDate.now(java.time.ZoneOffset.UTC), 10, 100, 10, 1);
        Timeline timeline = new Timeline();
        URI redis = URI.create(REDIS.redis().url());
        try (DelayProxy proxy = new DelayProxy(redis.getHost(), redis.getPort(), Duration.ofMillis(30), timeline)) {
            RedissonClient client = client(proxy);
            try {
                timeline.clear();
                new DashboardReader(client, keys, Clock.systemUTC()).pipelined();
            } finally {
                client.shutdown();
            }
        }
        assertEquals(List.of("PFCOUNT", "GET", "ZREVRANGE", "ZREVRANGE", "ZCOUNT", "GET", "GET"),
                timeline.commandsBeforeFirstReply(), "one write of every read, then the replies");
    }

    @Test
    void withTwoMillisecondsEachWayThePipelineIsAtLeastFourTimesFasterAndNearOneRoundTrip() throws Exception {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("latency"));
        URI redis = URI.create(REDIS.redis().url());
        try (DelayProxy proxy = new DelayProxy(redis.getHost(), redis.getPort(), Duration.ofMillis(2), ProxyTap.NONE)) {
            RedissonClient client = client(proxy);
            try {
                List<BenchResult> results = new Comparison(client, new DashboardReader(client, keys,
                        Clock.systemUTC()), RedisMode.SINGLE).run(20, 100, 2);
                double pipelined = results.get(0).p50Micros();
                double sequential = results.get(1).p50Micros();
                double ping = results.get(2).p50Micros();
                assertTrue(sequential >= 4 * pipelined, "sequential " + sequential + " µs, pipelined " + pipelined);
                assertTrue(pipelined >= 4_000, "a round trip costs at least 2 × 2 ms here: " + pipelined);
                assertTrue(pipelined <= 1.5 * ping, "pipelined " + pipelined + " µs, lone PING " + ping);
            } finally {
                client.shutdown();
            }
        }
    }

    private static RedissonClient client(DelayProxy proxy) {
        return Redisson.create(RedissonConfigs.create(RedisSettings.single("redis://127.0.0.1:" + proxy.port()),
                "through-proxy"));
    }

    /** What crossed the proxy, in order; parses the client's RESP commands. */
    static final class Timeline implements ProxyTap {

        private final List<Object[]> chunks = new ArrayList<>();

        synchronized void clear() {
            chunks.clear();
        }

        @Override
        public synchronized void clientToServer(byte[] bytes) {
            chunks.add(new Object[] {"C", bytes});
        }

        @Override
        public synchronized void serverToClient(byte[] bytes) {
            chunks.add(new Object[] {"S", bytes});
        }

        /** The commands, from the one that starts the dashboard, that arrived before any reply to them. */
        synchronized List<String> commandsBeforeFirstReply() {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            boolean started = false;
            for (Object[] chunk : chunks) {
                String text = new String((byte[]) chunk[1], StandardCharsets.UTF_8);
                if (chunk[0].equals("C")) {
                    if (!started && text.toUpperCase(Locale.ROOT).contains("PFCOUNT")) {
                        started = true;
                        sent.writeBytes(((byte[]) chunk[1]));
                        int at = sent.toString(StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).indexOf("PFCOUNT");
                        String from = sent.toString(StandardCharsets.UTF_8);
                        sent.reset();
                        sent.writeBytes(from.substring(from.lastIndexOf('*', at)).getBytes(StandardCharsets.UTF_8));
                    } else if (started) {
                        sent.writeBytes((byte[]) chunk[1]);
                    }
                } else if (started) {
                    break;
                }
            }
            return commands(sent.toString(StandardCharsets.UTF_8));
        }

        private static List<String> commands(String resp) {
            List<String> names = new ArrayList<>();
            int at = 0;
            while (at < resp.length() && resp.charAt(at) == '*') {
                int end = resp.indexOf("\r\n", at);
                int parts = Integer.parseInt(resp.substring(at + 1, end));
                at = end + 2;
                for (int i = 0; i < parts; i++) {
                    int lengthEnd = resp.indexOf("\r\n", at);
                    int length = Integer.parseInt(resp.substring(at + 1, lengthEnd));
                    String part = resp.substring(lengthEnd + 2, lengthEnd + 2 + length);
                    if (i == 0) {
                        names.add(part.toUpperCase(Locale.ROOT));
                    }
                    at = lengthEnd + 2 + length + 2;
                }
            }
            return names;
        }
    }
}
