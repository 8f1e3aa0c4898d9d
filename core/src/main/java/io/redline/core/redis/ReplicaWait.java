package io.redline.core.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.Redisson;
import org.redisson.api.BatchOptions;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.command.CommandAsyncExecutor;
import org.redisson.connection.MasterSlaveEntry;

/**
 * How long writes wait for replicas: Redis's {@code WAIT} after them, on the connection that sent them (a
 * {@code WAIT} counts the writes of its own connection only: sent on another one, it could confirm nothing). Redis
 * replicates asynchronously: a write a master has acknowledged is lost if a replica that has not received it is
 * promoted. Waiting before the work is recorded as done somewhere else (a stream's {@code XACK} on another master of
 * a Cluster) closes that window. Used by {@link ScriptPipeline#execute(ReplicaWait)}, which sends one batch per
 * master with Redisson's {@code BatchOptions.sync}: Redisson reports only the sum of the replicas reached over a
 * batch's masters, so a batch must hold one master's calls for the count to say which master fell short.
 *
 * <p>A master is asked for at most the replicas connected to it ({@code INFO replication}): one whose replicas are
 * all gone (dead, or promoted away in a failover) has none that a failover could promote over its writes, and
 * waiting on it would stop all work on its keys until an operator brings a replica back. That count is asked at
 * most once per {@link #REPLICAS_KNOWN_FOR} per master, not before every batch, and again after a shortfall.
 */
public final class ReplicaWait {

    /** Waits for nothing: the default, where a failover may lose the last writes of a master. */
    public static final ReplicaWait NONE = new ReplicaWait(null, 0, Duration.ZERO);
    /** How long a master's count of connected replicas is used before it is asked again. */
    static final Duration REPLICAS_KNOWN_FOR = Duration.ofSeconds(1);

    private final RedissonClient redis;
    private final int replicas;
    private final Duration timeout;
    private final Clock clock;
    /** By master address: its connected replicas, and when that was learnt (epoch ms). */
    private final Map<String, Known> connected = new ConcurrentHashMap<>();

    /**
     * @param replicas how many replicas must have every write, 0 for none
     * @param timeout how long a master may take to confirm; shorter than Redisson's command timeout
     */
    public ReplicaWait(RedissonClient redis, int replicas, Duration timeout) {
        this(redis, replicas, timeout, Clock.systemUTC());
    }

    /** @param clock tells how old a master's known count of replicas is */
    public ReplicaWait(RedissonClient redis, int replicas, Duration timeout, Clock clock) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be >= 0, but was " + replicas);
        }
        if (replicas > 0 && (timeout == null || timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout must be > 0, but was " + timeout);
        }
        this.redis = redis;
        this.replicas = replicas;
        this.timeout = timeout;
        this.clock = clock;
    }

    public boolean waits() {
        return replicas > 0;
    }

    /**
     * The masters of {@code keys}, each with its keys and the replicas to wait for there (the smaller of the wanted
     * count and the replicas connected to it; the masters whose count is not known, or too old, are asked all at
     * once).
     */
    <K> List<Master<K>> plan(Map<K, String> keys) {
        CommandAsyncExecutor executor = ((Redisson) redis).getCommandExecutor();
        Map<MasterSlaveEntry, List<K>> byMaster = new IdentityHashMap<>();
        keys.forEach((name, key) -> byMaster.computeIfAbsent(executor.getConnectionManager().getEntry(key),
                master -> new ArrayList<>()).add(name));
        long now = clock.millis();
        Map<MasterSlaveEntry, CompletableFuture<Map<String, String>>> infos = new IdentityHashMap<>();
        for (MasterSlaveEntry master : byMaster.keySet()) {
            Known known = connected.get(address(master));
            if (known == null || now - known.at() >= REPLICAS_KNOWN_FOR.toMillis()) {
                infos.put(master, executor.<Map<String, String>, Map<String, String>>writeAsync(master,
                        StringCodec.INSTANCE, RedisCommands.INFO_REPLICATION).toCompletableFuture());
            }
        }
        List<Master<K>> plan = new ArrayList<>();
        byMaster.forEach((master, names) -> plan.add(new Master<>(address(master), names,
                wanted(address(master), infos.get(master), now))));
        return plan;
    }

    /** @param info the master's answer when it was asked now, else null (its count is known) */
    private int wanted(String address, CompletableFuture<Map<String, String>> info, long now) {
        if (info == null) {
            return Math.min(replicas, connected.get(address).replicas());
        }
        try {
            int count = Integer.parseInt(info.join().getOrDefault("connected_slaves", "0"));
            connected.put(address, new Known(count, now));
            return Math.min(replicas, count);
        } catch (CompletionException | NumberFormatException e) {
            // unknown: ask for all, and let the batch's own failure or shortfall say what happened
            return replicas;
        }
    }

    private static String address(MasterSlaveEntry master) {
        return String.valueOf(master.getClient().getAddr());
    }

    /** The options of a batch of one master's writes that waits for {@code wanted} replicas. */
    BatchOptions options(int wanted) {
        return wanted == 0 ? BatchOptions.defaults() : BatchOptions.defaults().sync(wanted, timeout);
    }

    /** Why a master's batch does not count as replicated: its replicas reached, or its failure. */
    NotReplicatedException shortfall(Master<?> master, int reached, Throwable failure) {
        // its replicas may have changed: the next batch asks again
        connected.remove(master.address());
        return new NotReplicatedException(failure != null
                ? "WAIT on " + master.address() + " not answered: " + failure
                : "WAIT: " + reached + " of " + master.wanted() + " replicas of " + master.address()
                        + " confirmed within " + timeout.toMillis() + " ms");
    }

    /**
     * One master's share of a pipeline.
     *
     * @param address the master, for messages
     * @param names the calls whose keys it holds
     * @param wanted the replicas to wait for there (0: none)
     */
    record Master<K>(String address, List<K> names, int wanted) {
    }

    /** A master's connected replicas, learnt at {@code at} (epoch ms). */
    private record Known(int replicas, long at) {
    }

    /** Writes that a master holds but has not confirmed on enough replicas: they may pass, so retry later. */
    public static final class NotReplicatedException extends RedisException {

        private static final long serialVersionUID = 1L;

        NotReplicatedException(String message) {
            super(message);
        }
    }
}
