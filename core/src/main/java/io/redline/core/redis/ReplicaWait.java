package io.redline.core.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.command.CommandAsyncExecutor;
import org.redisson.connection.MasterSlaveEntry;

/**
 * Waits until the masters that hold some keys have passed their writes on to replicas (Redis's {@code WAIT}), one
 * {@code WAIT} per master however many keys it holds, all masters at once. Redis replicates asynchronously: a write
 * a master has acknowledged is lost if a replica that has not received it is promoted. Waiting before the work is
 * recorded as done somewhere else (a stream's {@code XACK} on another master of a Cluster) closes that window.
 *
 * <p>A master is asked for at most the replicas connected to it ({@code INFO replication}): one whose replicas are
 * all gone (dead, or promoted away in a failover) has none that a failover could promote over its writes, and
 * waiting on it would stop all work on its keys until an operator brings a replica back.
 *
 * <p>Redisson's {@code BatchOptions.sync} sends a {@code WAIT} per master too, but reports only the sum of the
 * replicas reached, which cannot tell which master fell short; hence one call per master here.
 */
public final class ReplicaWait {

    /** Waits for nothing: the default, where a failover may lose the last writes of a master. */
    public static final ReplicaWait NONE = new ReplicaWait(null, 0, Duration.ZERO);

    private final RedissonClient redis;
    private final int replicas;
    private final Duration timeout;

    /**
     * @param replicas how many replicas must have every write, 0 for none
     * @param timeout how long a master may take to confirm; shorter than Redisson's command timeout
     */
    public ReplicaWait(RedissonClient redis, int replicas, Duration timeout) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be >= 0, but was " + replicas);
        }
        if (replicas > 0 && (timeout == null || timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout must be > 0, but was " + timeout);
        }
        this.redis = redis;
        this.replicas = replicas;
        this.timeout = timeout;
    }

    public boolean waits() {
        return replicas > 0;
    }

    /**
     * Sends {@code WAIT} to the master of each key and waits for every answer.
     *
     * @return the keys whose master did not confirm {@code replicas} replicas in time, each with why; empty when
     *     every write reached its replicas (or when this waits for nothing)
     */
    public Map<String, NotReplicatedException> unconfirmed(Collection<String> keys) {
        if (!waits() || keys.isEmpty()) {
            return Map.of();
        }
        CommandAsyncExecutor executor = ((Redisson) redis).getCommandExecutor();
        Map<MasterSlaveEntry, List<String>> byMaster = new IdentityHashMap<>();
        for (String key : keys) {
            byMaster.computeIfAbsent(executor.getConnectionManager().getEntry(key), master -> new ArrayList<>())
                    .add(key);
        }
        Map<MasterSlaveEntry, CompletableFuture<Reached>> answers = new IdentityHashMap<>();
        byMaster.keySet().forEach(master -> answers.put(master, waitOn(executor, master)));
        Map<String, NotReplicatedException> unconfirmed = new LinkedHashMap<>();
        byMaster.forEach((master, masterKeys) -> {
            NotReplicatedException why = check(master, answers.get(master));
            if (why != null) {
                masterKeys.forEach(key -> unconfirmed.put(key, why));
            }
        });
        return unconfirmed;
    }

    /** {@code INFO replication}, then {@code WAIT} for as many of the wanted replicas as are connected. */
    private CompletableFuture<Reached> waitOn(CommandAsyncExecutor executor, MasterSlaveEntry master) {
        return executor.<Map<String, String>, Map<String, String>>writeAsync(master, StringCodec.INSTANCE,
                        RedisCommands.INFO_REPLICATION).toCompletableFuture()
                .thenCompose(info -> {
                    int wanted = Math.min(replicas, Integer.parseInt(info.getOrDefault("connected_slaves", "0")));
                    if (wanted == 0) {
                        return CompletableFuture.completedFuture(new Reached(0, 0));
                    }
                    return executor.<Integer, Integer>writeAsync(master, StringCodec.INSTANCE, RedisCommands.WAIT,
                            wanted, timeout.toMillis()).toCompletableFuture()
                            .thenApply(reached -> new Reached(reached, wanted));
                });
    }

    private NotReplicatedException check(MasterSlaveEntry master, CompletableFuture<Reached> answer) {
        try {
            Reached reached = answer.join();
            return reached.count() >= reached.wanted() ? null : new NotReplicatedException("WAIT: " + reached.count()
                    + " of " + reached.wanted() + " replicas of " + master.getClient().getAddr() + " confirmed within "
                    + timeout.toMillis() + " ms");
        } catch (CompletionException e) {
            return new NotReplicatedException("WAIT on " + master.getClient().getAddr() + " failed: "
                    + e.getCause());
        }
    }

    /** How many replicas confirmed, of how many were asked for. */
    private record Reached(int count, int wanted) {
    }

    /** Writes that a master holds but has not confirmed on enough replicas: they may pass, so retry later. */
    public static final class NotReplicatedException extends RedisException {

        private static final long serialVersionUID = 1L;

        NotReplicatedException(String message) {
            super(message);
        }
    }
}
