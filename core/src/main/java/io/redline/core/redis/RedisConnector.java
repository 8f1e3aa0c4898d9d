package io.redline.core.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to Redis, waiting with capped exponential backoff while it is not there yet: pods start in any
 * order, and a process must not crash-loop because Redis came up second.
 *
 * <p>Each attempt first asks whether an address accepts a TCP connection, and only then builds the client, so that
 * while nothing listens the attempts follow the backoff alone (see {@link RedisProbe} for why).
 */
public final class RedisConnector {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);

    private final RedisProbe probe;
    private final Function<Config, RedissonClient> factory;
    private final Backoff backoff;

    public RedisConnector(Backoff backoff) {
        this(RedisProbe.tcp(RedisProbe.CONNECT_TIMEOUT), Redisson::create, backoff);
    }

    RedisConnector(RedisProbe probe, Function<Config, RedissonClient> factory, Backoff backoff) {
        this.probe = probe;
        this.factory = factory;
        this.backoff = backoff;
    }

    /**
     * Tries until Redis answers or {@code stop} is released.
     *
     * @return the client, or empty when stopped before a connection was made
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Optional<RedissonClient> connect(RedisSettings settings, String clientName, CountDownLatch stop)
            throws InterruptedException {
        Config config = RedissonConfigs.create(settings, clientName);
        for (int attempt = 1; stop.getCount() > 0; attempt++) {
            try {
                probe.check(settings);
                RedissonClient client = factory.apply(new Config(config));
                LOG.info("Connected to Redis ({} mode) at {}", settings.mode().name().toLowerCase(Locale.ROOT), settings.url());
                return Optional.of(client);
            } catch (IOException | RuntimeException e) {
                Duration delay = backoff.delay(attempt);
                LOG.warn("Redis at {} is not reachable yet (attempt {}): {}; next try in {} ms",
                        settings.url(), attempt, e.getMessage(), delay.toMillis());
                if (stop.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        }
        LOG.info("Stopped waiting for Redis at {}", settings.url());
        return Optional.empty();
    }

    /**
     * One attempt and no waiting, for one-shot commands: when no address accepts a connection this fails at once,
     * instead of after the Redis client's own start-up retries.
     *
     * @throws UncheckedIOException when no address accepts, its message naming each address and why
     * @throws RuntimeException when the client cannot connect although an address accepts
     */
    public RedissonClient connectOnce(RedisSettings settings, String clientName) {
        try {
            probe.check(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return factory.apply(RedissonConfigs.create(settings, clientName));
    }
}
